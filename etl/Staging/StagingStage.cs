using Monitoring.Etl.Contract;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Pipeline;
using Monitoring.Etl.Pseudonymize;
using Monitoring.Etl.Read;
using Monitoring.Etl.Validate;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Etl.Staging;

/// <summary>
/// For each file: its counts into the report, the quarantine written, the rows that passed staged by
/// <c>sql/staging/stg_*.sql</c> (rename, cast, pseudonyms in, personal data out), and the raw text — personal data
/// in clear — dropped at once to free the memory. A full export's staged tables are written straight into the new
/// snapshot's warehouse.duckdb (one write, instead of an in-memory table copied there afterwards: README § Measured,
/// "One write of the staged rows"); a delta's stay in the landing database, to be upserted into a copy of the
/// warehouse in service.
/// </summary>
public sealed class StagingStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        // The staging SQL joins the pseudonym maps.
        PseudonymizeStage.Await(run);
        var conn = run.Landing;
        var quarantineDir = Directory.CreateDirectory(run.Dir.Quarantine(run.Report.RunId)).FullName;
        var schema = run.IsDelta ? "" : "wh.";
        if (!run.IsDelta) Sql.Exec(conn, $"ATTACH {Sql.Literal(run.WarehouseFile)} AS wh");
        try
        {
            foreach (var file in ExportContract.Files.Where(run.Loaded.ContainsKey))
                Stage(run, file, schema, quarantineDir);
        }
        finally
        {
            if (!run.IsDelta) Sql.Exec(conn, "DETACH wh");
        }
    }

    static void Stage(RunContext run, FileSpec file, string schema, string quarantineDir)
    {
        var conn = run.Landing;
        var lake = LakeTable.For(file.Stem);
        var raw = run.Loaded[file];
        var outcome = run.Outcomes[file];
        var counts = run.Report.Files[file.FileName];
        counts.Quarantined = outcome.Quarantined + raw.Malformed;
        counts.Loaded = counts.Read - counts.Quarantined;
        counts.Reasons = outcome.Reasons;
        if (raw.Malformed > 0) counts.Reasons["malformed_row"] = raw.Malformed;
        if (counts.Quarantined > 0)
            QuarantineWriter.Write(conn, file, run.Fingerprints[file.FileName].HasEmbeddedLineBreaks(counts.Read),
                Path.Combine(quarantineDir, file.FileName));
        // Row order mattered only while reading (record → line number); writing without it is ~40% faster.
        run.Stages.Run("stage", file.FileName, () => Sql.Exec(conn, $"""
            SET preserve_insertion_order = false;
            CREATE OR REPLACE TABLE {schema}{lake.Table} AS {SqlModels.Load($"staging/{lake.Table}.sql")};
            SET preserve_insertion_order = true;
            """));
        QuarantineByAts.Count(conn, file.Stem);
        // The raw text (personal data in clear) is no longer needed: free the memory now.
        Sql.Exec(conn, $"DROP VIEW IF EXISTS valid_{file.Stem}; DROP VIEW raw_{file.Stem}; DROP TABLE csv_{file.Stem}; DROP TABLE bad_{file.Stem}; " +
            $"DROP TABLE IF EXISTS rejects_{file.Stem}; DROP TABLE IF EXISTS rejects_scan_{file.Stem}; DROP TABLE IF EXISTS malformed_{file.Stem}");
        run.Cancellation.ThrowIfCancellationRequested();
    }
}
