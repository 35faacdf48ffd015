using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Writes <c>indicator_values</c> as CSV: <c>indicator_id;level;territory_code;month;numerator;denominator;value</c>,
/// decimals with '.', nulls as empty fields (count indicators have an empty denominator).
/// DuckDB's COPY does the writing, so national-scale files take no per-row C# work.
/// </summary>
public static class IndicatorCsv
{
    public static void Write(DuckDBConnection connection, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        Sql.Exec(connection, $"""
            copy (
                select v.indicator_id, v.level, v.territory_code, v.month, v.numerator, v.denominator, v.value
                from indicator_values as v
                left join indicator_catalogue as c using (indicator_id)
                order by c.sort_order, v.indicator_id,
                         case v.level when 'national' then 1 when 'region' then 2 when 'ats' then 3 else 4 end,
                         v.territory_code, v.month
            ) to {Sql.Literal(Path.GetFullPath(path))} (format csv, header true, delimiter ';')
            """);
    }
}
