using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Runs every indicator of the catalogue through <see cref="IndicatorSql"/>: its model only counts, this runner adds
/// the complete grid, the roll-ups to region and nation, the members of its dimensions and the value from its kind.
/// Totals go to <c>indicator_values</c> (the table every flag, page and release reads, unchanged in shape);
/// the members of the dimensions to <c>indicator_member_values</c> (same columns plus <c>dimension</c>, <c>member</c>).
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
            "select count(*) from duckdb_tables() where table_name = 'indicator_member_values'") is long n && n > 0;
        if (changed is not null && hasMemberTable)
        {
            // A delta that changes the households recomputes every indicator with dimensions: their table is then
            // made anew rather than nearly every row of it deleted.
            var ids = string.Join(", ", indicators.Select(i => Sql.Literal(i.Id)).DefaultIfEmpty("''"));
            var all = catalogue.Indicators.All(i => indicators.Contains(i));
            var allWithMembers = catalogue.Indicators.Where(i => catalogue.DimensionsOf(i).Count > 0).All(i => indicators.Contains(i));
            Sql.Exec(connection, all ? ValuesTable : $"delete from indicator_values where indicator_id in ({ids})");
            Sql.Exec(connection, allWithMembers ? MemberValuesTable : $"delete from indicator_member_values where indicator_id in ({ids})");
        }
        else
        {
            if (changed is not null) indicators = catalogue.Indicators.ToList(); // built before dimensions existed: all again
            CreateTables(connection);
        }
        IndicatorGrid.CreateCellsTable(connection);
        foreach (var indicator in indicators)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            IndicatorGrid.AddCells(connection, indicator, catalogue.DimensionsOf(indicator));
            if (indicator.HasCaseManagerLevel)
                Sql.Exec(connection, $"""
                    insert into indicator_values
                    select {Sql.Literal(indicator.Id)}, level, territory_code, month, numerator, denominator, value
                    from (
                    {IndicatorSql.CaseManagers(indicator)}
                    )
                    """, Sql.ModelFailed($"indicators/{indicator.CaseManagerSql}"));
            modelTimer?.Invoke(indicator.Id, clock.Elapsed.TotalSeconds);
        }
        var grid = System.Diagnostics.Stopwatch.StartNew();
        IndicatorGrid.Write(connection, indicators, catalogue);
        gridTimer?.Invoke(grid.Elapsed.TotalSeconds);
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
        Sql.Exec(connection, MemberValuesTable);
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

    private const string MemberValuesTable = """
        create or replace table indicator_member_values (
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
