using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Flags;

/// <summary>
/// Writes the flags as CSV (';', '.' decimals, empty = null) in the ministry's order: latest month
/// first, then alarm before warning, persistent first, then distance in standard errors.
/// </summary>
public static class FlagCsv
{
    public const string MinistryOrder = "month desc, priority, distance_se desc, indicator_id, ats_code";

    /// <param name="flaggedOnly">only warnings and alarms (default); false writes every evaluated point.</param>
    public static void Write(DuckDBConnection connection, string path, bool flaggedOnly = true)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var filter = flaggedOnly ? "where severity <> 'none'" : "";
        Sql.Exec(connection, $"""
            copy (
                select indicator_id, ats_code, month, value, national_value, n,
                       lower_warning, upper_warning, lower_alarm, upper_alarm,
                       method, severity, persistent, z, plain_rule_breach, plain_rule_share
                from flags
                {filter}
                order by {MinistryOrder}
            ) to {Sql.Literal(Path.GetFullPath(path))} (format csv, header true, delimiter ';')
            """);
    }
}
