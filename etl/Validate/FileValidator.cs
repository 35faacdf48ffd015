using DuckDB.NET.Data;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Validate;

/// <summary>
/// Checks every row of one loaded file against the contract in one set-based pass
/// (<see cref="CheckSqlBuilder"/>), then exposes the rows that passed as <c>valid_&lt;stem&gt;</c>
/// and, for files others refer to, their keys as <c>known_&lt;stem&gt;(id)</c>. References resolve
/// only to rows that passed: a case whose household was quarantined is quarantined too.
/// </summary>
public static class FileValidator
{
    public sealed record Outcome(long Quarantined, Dictionary<string, long> Reasons);

    public static Outcome Validate(DuckDBConnection conn, FileSpec file, DateOnly referenceDate,
        IReadOnlyCollection<string> presentColumns, string? previousKnownSql)
    {
        var stem = file.Stem;
        var duplicateCandidates = DuplicateKeyCandidates.Find(conn, file);
        Sql.Exec(conn, CheckSqlBuilder.Build(file, referenceDate, presentColumns, duplicateCandidates));
        if (duplicateCandidates is not null) Sql.Exec(conn, $"DROP TABLE {duplicateCandidates}");
        Sql.Exec(conn, $"CREATE OR REPLACE VIEW valid_{stem} AS SELECT r.* FROM raw_{stem} r ANTI JOIN bad_{stem} b ON r._row = b._row");
        if (IsReferenced(file))
        {
            var known = $"SELECT \"{file.Key[0]}\" AS id FROM valid_{stem}";
            if (previousKnownSql is not null) known += $" UNION {previousKnownSql}";
            Sql.Exec(conn, $"CREATE OR REPLACE TABLE known_{stem} AS {known}");
        }
        var reasons = new Dictionary<string, long>();
        using (var cmd = conn.CreateCommand())
        {
            // A row is counted once, under its first breach, so reasons add up to the quarantined rows.
            cmd.CommandText = $"SELECT breaches[1].reason, count(*) FROM bad_{stem} GROUP BY 1";
            using var r = cmd.ExecuteReader();
            while (r.Read()) reasons[r.GetString(0)] = r.GetInt64(1);
        }
        return new Outcome(reasons.Values.Sum(), reasons);
    }

    public static bool IsReferenced(FileSpec file) =>
        ExportContract.Files.Any(f => f.References.Any(r => r.TargetFile == file.FileName));

    /// <summary>The municipality and region lists the territorial codes must resolve to.</summary>
    public static void LoadIstatKnown(DuckDBConnection conn)
    {
        Sql.Exec(conn, """
            CREATE OR REPLACE TABLE known_istat AS SELECT municipality_code AS id FROM ref_municipalities;
            CREATE OR REPLACE TABLE known_istat_region AS SELECT DISTINCT region_code AS id FROM ref_municipalities;
            """);
    }
}
