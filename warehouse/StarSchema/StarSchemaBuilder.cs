using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// Turns the <c>stg_*</c> tables of a snapshot's warehouse.duckdb into the star schema (<c>sql/marts</c>;
/// docs/ARCHITECTURE.md, "Warehouse tables"). The indicators (<see cref="Indicators.IndicatorRunner"/>) and the
/// flags (<see cref="Flags.FlagBuilder"/>, <see cref="Episodes.EpisodeBuilder"/>) are built from it afterwards, each
/// by its own stage of the pipeline; <see cref="BuildInfo"/> records which models built the whole.
/// </summary>
public static class StarSchemaBuilder
{
    /// <param name="changed">
    /// optional (a delta): the tables the load replaced. Only the marts reading one of them, directly or through
    /// another changed mart, are rebuilt, and the names of those whose rows changed are added to the set (the
    /// indicators then read it; MartRunner's early cut-off); null builds every mart.
    /// </param>
    public static void Build(DuckDBConnection conn, HashSet<string>? changed = null)
    {
        // The load writes quarantine_by_ats (dq_quarantine_rate reads it); a warehouse loaded by an earlier release,
        // or built by hand, has none: an empty one counts nothing.
        Sql.Exec(conn, "create table if not exists quarantine_by_ats (ats_code varchar, \"read\" bigint, quarantined bigint)");
        MartRunner.Run(conn, changed: changed);
    }

    /// <summary>
    /// For a warehouse copied from the snapshot in service in which only <paramref name="changedTables"/> were
    /// replaced (a delta): the set of tables from which the marts, indicators and funnels downstream of them are
    /// rebuilt (persistence and order of the flags are always recomputed over all), or null when the warehouse was
    /// built by other models (another release of sql/) and must be rebuilt whole.
    /// </summary>
    public static HashSet<string>? RebuildScope(DuckDBConnection conn, IEnumerable<string> changedTables) =>
        BuildInfo.IsBuiltByTheseModels(conn) ? changedTables.Select(t => t.ToLowerInvariant()).ToHashSet() : null;
}
