using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Lays the cells of every indicator of a run (<see cref="IndicatorSql.Cells"/>, gathered in
/// <see cref="CellsTable"/>) on the complete grid — every territory of the indicator's levels × every month of its
/// range, zeros included — and writes the values from the kind: totals to <c>indicator_values</c> on the complete
/// grid; the members of the dimensions sparse, to <c>indicator_member_cells</c> (only the cells some household counts
/// in; the view <c>indicator_member_values</c> lays them on the complete grid, see IndicatorRunner). One statement per
/// table for all the indicators of the run: the grid is described once (which levels, months and members each
/// indicator has, as small tables) instead of being cross-joined and copied through a temp table per indicator. The
/// member grid stored complete would be 16 indicators × 36 members × 94 months × 622 territories ≈ 34M rows at
/// national scale, 94% zeros.
/// </summary>
public static class IndicatorGrid
{
    /// <summary>Temp table of the run's sparse cells: indicator_id, level, territory_code, month, dimension, member,
    /// numerator, denominator.</summary>
    public const string CellsTable = "indicator_cells";

    public static void CreateCellsTable(DuckDBConnection connection) => Sql.Exec(connection, $"""
        create or replace temp table {CellsTable} (
            indicator_id   varchar not null,
            level          varchar not null,
            territory_code varchar not null,
            month          varchar not null,
            dimension      varchar not null,
            member         varchar not null,
            numerator      double,
            denominator    double);
        """);

    /// <summary>Adds the cells of one pass's indicators (its model's failure is named by the model's file).</summary>
    public static void AddCells(DuckDBConnection connection, ModelPass pass, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var perIndicator = string.Join(", ", pass.Indicators.Select((i, k) =>
            $"{{'id': {Sql.Literal(i.Id)}, 'numerator': numerator_{k}, 'denominator': denominator_{k}}}"));
        Sql.Exec(connection, $"""
            insert into {CellsTable}
            select c.id, level, territory_code, month, dimension, member, c.numerator, c.denominator
            from (
                select level, territory_code, month, dimension, member, unnest([{perIndicator}]) as c
                from (
                {IndicatorSql.Cells(pass, dimensions)}
                )
            )
            """, Sql.ModelFailed($"indicators/{pass.First.Sql}"));
    }

    /// <summary>Writes the grid of these indicators into indicator_values and indicator_member_cells, then drops the
    /// cells and the grid's description.</summary>
    public static void Write(DuckDBConnection connection, IReadOnlyList<IndicatorDefinition> indicators, IndicatorCatalogue catalogue)
    {
        if (indicators.Count == 0) { Drop(connection); return; }
        Describe(connection, indicators, catalogue);
        CheckUnique(connection);
        // The value from the kind, as IndicatorDefinition documents it; numerator and denominator are already on the
        // grid (zeros where no row reached the cell; a median's numerator stays null there).
        const string grid = """
            select g.indicator_id, g.kind, g.scale, g.level, t.territory_code, m.month
            from indicator_grid_levels as g
            join indicator_grid_territories as t using (level)
            join indicator_grid_months as m using (indicator_id)
            """;
        const string values = """
            case when kind = 'median' then c.numerator else coalesce(c.numerator, 0) end as numerator,
            case when kind = 'count' then null::double else coalesce(c.denominator, 0) end as denominator
            """;
        const string value = """
            case kind
                when 'count' then numerator
                when 'ratio' then case when denominator is null or denominator = 0 then null else scale * numerator / denominator end
                else case when denominator > 0 then numerator end
            end
            """;
        Sql.Exec(connection, $"""
            insert into indicator_values
            select indicator_id, level, territory_code, month, numerator, denominator, {value} as value
            from (
                select g.indicator_id, g.kind, g.scale, g.level, g.territory_code, g.month, {values}
                from ({grid}) as g
                left join (select * from {CellsTable} where dimension = '') as c
                    using (indicator_id, level, territory_code, month)
            );

            insert into indicator_member_cells
            select indicator_id, dimension, member, level, territory_code, month, numerator, denominator, {value} as value
            from (
                select g.indicator_id, g.kind, g.scale, c.dimension, c.member, g.level, c.territory_code, c.month, {values}
                from (select * from {CellsTable} where dimension <> '') as c
                join indicator_grid_levels as g using (indicator_id, level)
                join indicator_grid_months as m using (indicator_id, month)
                join indicator_grid_members as d using (indicator_id, dimension, member)
            );
            """);
        Drop(connection);
    }

    /// <summary>The grid of each indicator as three small tables: its kind and scale per level, its months, the
    /// members of its dimensions.</summary>
    private static void Describe(DuckDBConnection connection, IReadOnlyList<IndicatorDefinition> indicators, IndicatorCatalogue catalogue)
    {
        var levels = new StringBuilder();
        var members = new StringBuilder();
        foreach (var i in indicators)
        {
            foreach (var level in i.LevelsOrDefault.Where(l => l != "case_manager"))
                levels.Append(levels.Length == 0 ? "" : ", ")
                    .Append($"({Sql.Literal(i.Id)}, {Sql.Literal(i.Kind)}, {i.Scale.ToString("R", CultureInfo.InvariantCulture)}::double, {Sql.Literal(level)})");
            foreach (var d in catalogue.DimensionsOf(i))
                foreach (var m in d.Members)
                    members.Append(members.Length == 0 ? "" : ", ").Append($"({Sql.Literal(i.Id)}, {Sql.Literal(d.Id)}, {Sql.Literal(m)})");
        }
        var months = string.Join("\nunion all\n", indicators.Select(i =>
            $"select {Sql.Literal(i.Id)} as indicator_id, month from dim_month where {IndicatorSql.MonthFilter(i)}"));
        Sql.Exec(connection, $"""
            create or replace temp table indicator_grid_territories as
                select distinct level, territory_code from dim_ats_rollup;
            create or replace temp table indicator_grid_levels (indicator_id varchar, kind varchar, scale double, level varchar);
            {(levels.Length == 0 ? "" : $"insert into indicator_grid_levels values {levels};")}
            create or replace temp table indicator_grid_months as
            {months};
            create or replace temp table indicator_grid_members (indicator_id varchar, dimension varchar, member varchar);
            {(members.Length == 0 ? "" : $"insert into indicator_grid_members values {members};")}
            """);
    }

    /// <summary>
    /// The grid has one row per cell when its description does (a level, month or member listed twice would repeat
    /// cells) and the cells are one per key (they come out of a GROUP BY): checked here, on a few thousand rows,
    /// instead of grouping the millions of rows written.
    /// </summary>
    private static void CheckUnique(DuckDBConnection connection)
    {
        var repeated = Sql.Scalar(connection, """
            select string_agg(distinct indicator_id, ', ') from (
                select indicator_id from indicator_grid_levels group by indicator_id, level having count(*) > 1
                union all
                select indicator_id from indicator_grid_months group by indicator_id, month having count(*) > 1
                union all
                select indicator_id from indicator_grid_members group by indicator_id, dimension, member having count(*) > 1
                union all
                select level from indicator_grid_territories group by level, territory_code having count(*) > 1)
            """);
        if (repeated is string r)
            throw new InvalidOperationException($"Indicator grid would repeat cells (a level, month or member listed twice): {r}");
    }

    private static void Drop(DuckDBConnection connection) => Sql.Exec(connection, $"""
        drop table if exists {CellsTable};
        drop table if exists indicator_grid_territories;
        drop table if exists indicator_grid_levels;
        drop table if exists indicator_grid_months;
        drop table if exists indicator_grid_members;
        """);
}
