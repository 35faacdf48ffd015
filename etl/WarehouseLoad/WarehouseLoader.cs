using DuckDB.NET.Data;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Pipeline;
using Monitoring.Etl.Read;
using Monitoring.DataDir.Runs;
using Monitoring.Etl.Staging;

namespace Monitoring.Etl.WarehouseLoad;

/// <summary>
/// Completes the new snapshot's warehouse.duckdb, into which the staging stage wrote a full export's staged tables
/// (already pseudonymized: only <c>stg_*</c> tables cross over, never a raw one), with the reference list, the run's metadata and its
/// load report, ready for the star schema models. A delta starts from a copy of the warehouse in
/// service and upserts its staged rows by key into the tables it carries: the other tables and the
/// unchanged rows are already there, and writing them again cost more than the delta's own rows.
/// </summary>
public static class WarehouseLoader
{
    /// <returns>
    /// For a delta, the warehouse tables it changed (the staged tables, and run_meta when the range of
    /// months moved), from which the models are rebuilt; null for a full load (everything is new).
    /// </returns>
    public static IReadOnlyList<string>? Load(DuckDBConnection landing, string warehouseFile, Manifest manifest, RunReport report,
        IReadOnlyCollection<LakeTable> staged, string? previousSnapshot)
    {
        if (previousSnapshot is not null)
            File.Copy(Monitoring.DataDir.DataDirectory.WarehouseFile(previousSnapshot), warehouseFile);
        Sql.Exec(landing, $"ATTACH {Sql.Literal(warehouseFile)} AS wh");
        try
        {
            const string MonthRange = "SELECT first_month || ' ' || last_month || ' ' || reference_date FROM wh.run_meta";
            var previousRange = previousSnapshot is null ? null : Sql.Scalar<string>(landing, MonthRange);
            if (previousSnapshot is not null)
                foreach (var lake in staged) CheckSameColumns(landing, lake, previousSnapshot);
            // A full export's staged tables are already in the file (the staging stage wrote them there).
            if (previousSnapshot is not null)
                foreach (var lake in staged) Sql.Exec(landing, Upsert(lake));
            // The municipality list shipped with this release (validation used it): a delta marks it changed
            // only when it differs from the one the snapshot in service was built with.
            const string Municipalities = "SELECT * EXCLUDE (cadastral_code) FROM ref_municipalities";
            var newMunicipalities = previousSnapshot is not null && Sql.Scalar<long>(landing,
                $"SELECT count(*) FROM ((FROM wh.ref_municipalities EXCEPT ALL {Municipalities}) UNION ALL ({Municipalities} EXCEPT ALL FROM wh.ref_municipalities))") > 0;
            Sql.Exec(landing, $"CREATE OR REPLACE TABLE wh.ref_municipalities AS {Municipalities}");
            var firstMonth = Sql.Scalar<string>(landing, "SELECT strftime(min(application_date), '%Y-%m') FROM wh.stg_households")
                             ?? manifest.ReferenceDate.ToString("yyyy-MM");
            Sql.Exec(landing, $"""
                CREATE OR REPLACE TABLE wh.run_meta AS SELECT
                    {Sql.Literal(report.RunId)} AS run_id, {Sql.Literal(manifest.ExportId!)} AS export_id, {Sql.Literal(manifest.Kind!)} AS kind,
                    CAST('{manifest.ExtractedAt?.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AS TIMESTAMP) AS extracted_at,
                    DATE '{manifest.ReferenceDate:yyyy-MM-dd}' AS reference_date,
                    {Sql.Literal(firstMonth)} AS first_month, '{manifest.ReferenceDate:yyyy-MM}' AS last_month,
                    CAST(now() AS TIMESTAMP) AS built_at;
                CREATE OR REPLACE TABLE wh.load_report (file VARCHAR, "read" BIGINT, loaded BIGINT, quarantined BIGINT);
                CREATE OR REPLACE TABLE wh.quarantine_reasons (file VARCHAR, reason VARCHAR, n BIGINT);
                """);
            foreach (var (file, c) in report.Files)
            {
                Sql.Exec(landing, $"INSERT INTO wh.load_report VALUES ({Sql.Literal(file)}, {c.Read}, {c.Loaded}, {c.Quarantined})");
                foreach (var (reason, n) in c.Reasons)
                    Sql.Exec(landing, $"INSERT INTO wh.quarantine_reasons VALUES ({Sql.Literal(file)}, {Sql.Literal(reason)}, {n})");
            }
            QuarantineByAts.Write(landing);
            if (previousSnapshot is null) return null;
            // quarantine_by_ats is this export's own count: what reads it is rebuilt.
            var changed = staged.Select(t => t.Table).Append("quarantine_by_ats").ToList();
            if (Sql.Scalar<string>(landing, MonthRange) != previousRange) changed.Add("run_meta");
            if (newMunicipalities) changed.Add("ref_municipalities");
            return changed;
        }
        finally
        {
            Sql.Exec(landing, "DETACH wh");
        }
    }

    /// <summary>
    /// An upsert needs the staged rows to have the columns of the table in service; a release that changed
    /// a staging model needs a full export first (a half-matching insert would drop or mistype values).
    /// </summary>
    static void CheckSameColumns(DuckDBConnection landing, LakeTable lake, string previousSnapshot)
    {
        string Columns(string database) => Sql.Scalar<string>(landing,
            $"SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) FROM duckdb_columns() WHERE database_name = '{database}' AND table_name = '{lake.Table}'") ?? "";
        var now = Columns(Sql.Scalar<string>(landing, "SELECT current_database()")!);
        var before = Columns("wh");
        if (now != before)
            throw new ExportRefusedException(
                $"{lake.Table}: the snapshot in service ({Path.GetFileName(previousSnapshot)}) has columns ({before}), this release stages ({now}): load a full export before applying a delta");
    }

    /// <summary>A delta row replaces the row with the same key and never deletes (keys may hold NULL: compared as equal).</summary>
    static string Upsert(LakeTable lake)
    {
        var on = string.Join(" AND ", lake.Key.Select(k => $"p.{k} IS NOT DISTINCT FROM d.{k}"));
        return $"""
            DELETE FROM wh.{lake.Table} AS p USING {lake.Table} AS d WHERE {on};
            INSERT INTO wh.{lake.Table} BY NAME SELECT * FROM {lake.Table};
            """;
    }
}
