using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Runs every indicator of the catalogue through <see cref="IndicatorSql"/>: its model only counts, this runner adds
/// the complete grid, the roll-ups to region and nation, the members of its dimensions and the value from its kind.
/// Totals go to <c>indicator_values</c> (the table every flag, page and release reads, unchanged in shape);
/// the members of the dimensions, sparse, to <c>indicator_member_cells</c> (same columns plus <c>dimension</c>,
/// <c>member</c>), read on the complete grid through the view <c>indicator_member_values</c>.
/// </summary>
public static class IndicatorRunner
{
    public static readonly string[] Levels = ["ats", "region", "national", "case_manager"];

    /// <summary>Tables the runner itself reads around every model (a delta that changes one recomputes all).</summary>
    private const string RunnerInputs = "dim_month dim_ats_rollup run_meta";

    /// <param name="modelTimer">optional: seconds per indicator (its cells), for profiling.</param>
    /// <param name="gridTimer">optional: seconds of laying every cell on the complete grid, for profiling.</param>
    /// <param name="changed">
    /// optional: the tables rebuilt or changed since indicator_values was last computed (a delta).
    /// Only the indicators reading one of them are recomputed; null recomputes all.
    /// </param>
    /// <returns>The ids of the indicators computed.</returns>
    public static IReadOnlySet<string> Run(DuckDBConnection connection, IndicatorCatalogue catalogue, Action<string, double>? modelTimer = null,
        IReadOnlySet<string>? changed = null, Action<double>? gridTimer = null)
    {
        catalogue.WriteTable(connection);
        var indicators = catalogue.Indicators
            .Where(i => changed is null || ModelInputs.DependsOn(InputsOf(catalogue, i), changed))
            .ToList();
        var hasMemberTable = Sql.Scalar(connection,
            "select count(*) from duckdb_tables() where table_name = 'indicator_member_cells'") is long n && n > 0;
        if (changed is not null && hasMemberTable)
        {
            // A delta whose household profile changed recomputes every indicator with dimensions: their table is then
            // made anew rather than nearly every row of it deleted. Otherwise the recomputed ones' rows are replaced.
            var ids = string.Join(", ", indicators.Select(i => Sql.Literal(i.Id)).DefaultIfEmpty("''"));
            var all = catalogue.Indicators.All(i => indicators.Contains(i));
            var allWithMembers = catalogue.Indicators.Where(i => catalogue.DimensionsOf(i).Count > 0).All(i => indicators.Contains(i));
            Sql.Exec(connection, all ? ValuesTable : $"delete from indicator_values where indicator_id in ({ids})");
            Sql.Exec(connection, allWithMembers ? MemberCellsTable : $"delete from indicator_member_cells where indicator_id in ({ids})");
        }
        else
        {
            if (changed is not null) indicators = catalogue.Indicators.ToList(); // built before dimensions existed: all again
            CreateTables(connection);
        }
        IndicatorGrid.CreateCellsTable(connection);
        var withMembers = indicators.Any(i => catalogue.DimensionsOf(i).Count > 0);
        if (withMembers) HouseholdMembers.Create(connection, catalogue.Dimensions);
        foreach (var pass in ModelPass.Of(indicators, catalogue))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            IndicatorGrid.AddCells(connection, pass, catalogue.DimensionsOf(pass.First));
            foreach (var indicator in pass.Indicators.Where(i => i.HasCaseManagerLevel))
                Sql.Exec(connection, $"""
                    insert into indicator_values
                    select {Sql.Literal(indicator.Id)}, level, territory_code, month, numerator, denominator, value
                    from (
                    {IndicatorSql.CaseManagers(indicator)}
                    )
                    """, Sql.ModelFailed($"indicators/{indicator.CaseManagerSql}"));
            modelTimer?.Invoke(string.Join("+", pass.Indicators.Select(i => i.Id)), clock.Elapsed.TotalSeconds);
        }
        if (withMembers) HouseholdMembers.Drop(connection);
        var grid = System.Diagnostics.Stopwatch.StartNew();
        IndicatorGrid.Write(connection, indicators, catalogue);
        gridTimer?.Invoke(grid.Elapsed.TotalSeconds);
        CreateMemberGrid(connection);
        CheckShape(connection);
        return indicators.Select(i => i.Id).ToHashSet();
    }

    private static string InputsOf(IndicatorCatalogue catalogue, IndicatorDefinition i) =>
        string.Join("\n", IndicatorSql.Model(i.Sql, i.Params),  // with its params: a table can be one
            i.CaseManagerSql is null ? "" : IndicatorSql.Model(i.CaseManagerSql, i.Params) + " fct_staffing_monthly",
            catalogue.DimensionsOf(i).Count > 0 ? IndicatorSql.ProfileTable : "",
            RunnerInputs);

    private static void CreateTables(DuckDBConnection connection)
    {
        Sql.Exec(connection, ValuesTable);
        // Snapshots built before the sparse cells have indicator_member_values as a table; the view replaces it.
        if (Sql.Scalar(connection, "select count(*) from duckdb_tables() where table_name = 'indicator_member_values'") is long t && t > 0)
            Sql.Exec(connection, "drop table indicator_member_values");
        Sql.Exec(connection, MemberCellsTable);
    }

    private const string ValuesTable = """
        create or replace table indicator_values (
            indicator_id   varchar not null,
            level          varchar not null,
            territory_code varchar not null,
            month          varchar not null,
            numerator      double,
            denominator    double,
            value          double);
        """;

    private const string MemberCellsTable = """
        create or replace table indicator_member_cells (
            indicator_id   varchar not null,
            dimension      varchar not null,
            member         varchar not null,
            level          varchar not null,
            territory_code varchar not null,
            month          varchar not null,
            numerator      double,
            denominator    double,
            value          double);
        """;

    /// <summary>
    /// <c>indicator_member_values</c>: the complete member grid, read through the sparse cells. Its rows are the total's
    /// (<c>indicator_values</c>, every level but the case manager's) × the members of the indicator's dimensions; a
    /// member nobody counts in reads as the stored grid always had it: a count 0, a ratio 0 over 0 (value null), a
    /// median of nothing (null over 0). Stored complete it was ≈ 34M rows at national scale, 94% zeros; on the
    /// all-Italy test preset (tiny-italy) building it took 511 of a 542 s run at 5.2 GB peak.
    /// </summary>
    private static void CreateMemberGrid(DuckDBConnection connection) => Sql.Exec(connection, """
        create or replace view indicator_member_values as
        select v.indicator_id, d.dimension, d.member, v.level, v.territory_code, v.month,
               case when c.indicator_id is not null then c.numerator when k.kind <> 'median' then 0 end as numerator,
               case when k.kind = 'count' then null else coalesce(c.denominator, 0) end as denominator,
               case when c.indicator_id is not null then c.value when k.kind = 'count' then 0 end as value
        from indicator_values as v
        join (select indicator_id, kind, unnest(string_split(dimensions, ',')) as dimension
              from indicator_catalogue where dimensions <> '') as k using (indicator_id)
        join indicator_dimensions as d using (dimension)
        left join indicator_member_cells as c
            on c.indicator_id = v.indicator_id and c.dimension = d.dimension and c.member = d.member
           and c.level = v.level and c.territory_code = v.territory_code and c.month = v.month
        where v.level <> 'case_manager'
        """);

    /// <summary>Fails the build when a model returns an unknown level or two rows for one cell. Only
    /// indicator_values can: its case-manager rows come from a model's rows as they are; every other cell is laid on a
    /// grid IndicatorGrid has checked.</summary>
    private static void CheckShape(DuckDBConnection connection)
    {
        var levels = string.Join(", ", Levels.Select(Sql.Literal));
        var badLevels = Sql.Scalar(connection,
            $"select string_agg(distinct indicator_id || ':' || level, ', ') from indicator_values where level not in ({levels})");
        if (badLevels is string bad)
            throw new InvalidOperationException($"Indicator models returned unknown levels: {bad}");
        var duplicated = Sql.Scalar(connection, """
            select string_agg(distinct indicator_id, ', ') from (
                select indicator_id from indicator_values
                group by indicator_id, level, territory_code, month having count(*) > 1)
            """);
        if (duplicated is string dup)
            throw new InvalidOperationException($"Indicator models returned duplicated cells: {dup}");
    }
}
