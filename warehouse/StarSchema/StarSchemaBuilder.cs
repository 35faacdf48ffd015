using System.Diagnostics;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.Episodes;
using Monitoring.Warehouse.Flags;
using Monitoring.Warehouse.Indicators;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// Turns the <c>stg_*</c> tables of a snapshot's warehouse.duckdb into the star schema, the
/// indicator values and the red flags (docs/ARCHITECTURE.md, "Warehouse tables").
/// </summary>
public static class StarSchemaBuilder
{
    public const string StageStarSchema = "star_schema";
    public const string StageIndicators = "indicators";
    public const string StageFlags = "flags";

    /// <summary>
    /// Runs the marts, then the indicators of the catalogue, then the flags. Each stage's duration
    /// in seconds is reported through <paramref name="stageTimer"/> (stage names above).
    /// </summary>
    public static void Build(DuckDBConnection conn, Action<string, double>? stageTimer = null) =>
        Build(conn, FlagOptions.Default, stageTimer);

    public static void Build(DuckDBConnection conn, FlagOptions flagOptions, Action<string, double>? stageTimer = null) =>
        Build(conn, flagOptions, stageTimer, changed: null);

    /// <summary>
    /// For a warehouse copied from the snapshot in service in which only <paramref name="changedTables"/>
    /// were replaced (a delta): rebuilds the marts and indicators that read them, directly or through
    /// another rebuilt model, keeps the rest, and evaluates again the funnels of the indicators it
    /// recomputed (persistence and order over all of them). Falls back to a full build when the warehouse was
    /// built by other models (another release of sql/). Returns whether the build was partial.
    /// </summary>
    public static bool Rebuild(DuckDBConnection conn, IEnumerable<string> changedTables, Action<string, double>? stageTimer = null)
    {
        var hasBuildInfo = Convert.ToInt64(Sql.Scalar(conn,
            "select count(*) from duckdb_tables() where table_name = 'build_info' and database_name = current_database()")) > 0;
        var builtBy = hasBuildInfo ? Sql.Scalar(conn, "select max(model_fingerprint) from build_info") as string : null;
        var partial = builtBy == ModelInputs.Fingerprint();
        Build(conn, FlagOptions.Default, stageTimer, partial ? changedTables.Select(t => t.ToLowerInvariant()).ToHashSet() : null);
        return partial;
    }

    private static void Build(DuckDBConnection conn, FlagOptions flagOptions, Action<string, double>? stageTimer, HashSet<string>? changed)
    {
        // The load writes quarantine_by_ats (dq_quarantine_rate reads it); a warehouse loaded by an earlier release,
        // or built by hand, has none: an empty one counts nothing.
        Sql.Exec(conn, "create table if not exists quarantine_by_ats (ats_code varchar, \"read\" bigint, quarantined bigint)");
        Timed(StageStarSchema, stageTimer, () => MartRunner.Run(conn, changed: changed));
        IReadOnlySet<string>? recomputed = null;
        var catalogue = IndicatorCatalogue.Load();
        Timed(StageIndicators, stageTimer, () => recomputed = IndicatorRunner.Run(conn, catalogue, changed: changed));
        Timed(StageFlags, stageTimer, () =>
        {
            FlagBuilder.Build(conn, flagOptions, changed is null ? null : recomputed);
            // Episodes span every month, so they are cut again from all the flags, delta or not.
            EpisodeBuilder.Build(conn, catalogue);
        });
        Sql.Exec(conn, $"create or replace table build_info as select {Sql.Literal(ModelInputs.Fingerprint())} as model_fingerprint");
    }

    private static void Timed(string stage, Action<string, double>? stageTimer, Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        stageTimer?.Invoke(stage, clock.Elapsed.TotalSeconds);
    }
}
