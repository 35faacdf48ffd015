using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Writes the indicators as CSV: <c>indicator_id;level;territory_code;month;numerator;denominator;value;dimension;member</c>,
/// decimals with '.', nulls as empty fields (count indicators have an empty denominator). The totals
/// (<c>indicator_values</c>) have empty dimension and member; each member of a dimension (<c>indicator_member_values</c>)
/// follows its indicator's totals, dimensions and members in the catalogue's order.
/// DuckDB's COPY does the writing, so national-scale files take no per-row C# work.
/// </summary>
public static class IndicatorCsv
{
    public static void Write(DuckDBConnection connection, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // A warehouse built before dimensions existed has neither table: its totals alone.
        var hasMembers = Sql.Scalar(connection,
            "select count(*) from information_schema.tables where table_name = 'indicator_member_values'") is long n && n > 0;
        var members = hasMembers ? """
                union all
                select m.indicator_id, m.level, m.territory_code, m.month, m.numerator, m.denominator, m.value,
                       m.dimension, m.member, d.dimension_order, d.member_order
                from indicator_member_values as m
                left join indicator_dimensions as d using (dimension, member)
            """ : "";
        Sql.Exec(connection, $"""
            copy (
                select v.indicator_id, v.level, v.territory_code, v.month, v.numerator, v.denominator, v.value,
                       nullif(v.dimension, '') as dimension, nullif(v.member, '') as member  -- a total: empty, not ""
                from (
                    select indicator_id, level, territory_code, month, numerator, denominator, value,
                           '' as dimension, '' as member, 0 as dimension_order, 0 as member_order
                    from indicator_values
                    {members}
                ) as v
                left join indicator_catalogue as c using (indicator_id)
                order by c.sort_order, v.indicator_id, v.dimension_order, v.member_order,
                         case v.level when 'national' then 1 when 'region' then 2 when 'ats' then 3 else 4 end,
                         v.territory_code, v.month
            ) to {Sql.Literal(Path.GetFullPath(path))} (format csv, header true, delimiter ';')
            """);
    }
}
