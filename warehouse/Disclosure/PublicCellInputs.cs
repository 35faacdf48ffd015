using System.Data.Common;
using System.Globalization;
using Monitoring.Warehouse.DuckDb;

namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// What disclosure control of the public tables reads from a snapshot: the public indicators, their values at national,
/// region and ATS level (minus what is never public), and which ATS belong to which region. Read by one query set for
/// every reader of a snapshot (the dashboards, the open-data release), so both protect the very same cells.
/// </summary>
public sealed record PublicCellInputs(
    IReadOnlyList<PublicIndicatorRule> Indicators,
    IReadOnlyList<PublicCellValue> Values,
    IReadOnlyList<string> Regions,
    IReadOnlyDictionary<string, string> RegionOfAts)
{
    /// <summary>Reads a snapshot's warehouse on <paramref name="connection"/>; <paramref name="schema"/> is "" or an attached name with its dot ("wh.").</summary>
    public static PublicCellInputs Read(DbConnection connection, string schema = "")
    {
        var indicators = Rows(connection, $"""
            select indicator_id, kind, coalesce(min_denominator, 0)
            from {schema}indicator_catalogue
            where is_public
            order by indicator_id
            """).Select(r => new PublicIndicatorRule(S(r[0]), S(r[1]) == "count", D(r[2]) ?? 0)).ToList();
        var values = Rows(connection, $"""
            select v.indicator_id, v.level, v.territory_code, v.month, v.value, v.denominator
            from {schema}indicator_values as v
            join {schema}indicator_catalogue as c using (indicator_id)
            where c.is_public and v.level in ('national', 'region', 'ats')
            order by v.indicator_id, v.month, v.level, v.territory_code
            """).Select(r => new PublicCellValue(new PublicCellKey(S(r[0]), S(r[1]), S(r[2]), S(r[3])), D(r[4]), D(r[5])))
            .Where(v => NeverPublic.Allows(v.Key.Indicator, v.Key.Level)).ToList();
        values.AddRange(MemberValues(connection, schema));
        var regions = Rows(connection, $"select region_code from {schema}dim_region order by region_code").Select(r => S(r[0])).ToList();
        var regionOfAts = Rows(connection, $"select ats_code, region_code from {schema}dim_ats order by ats_code")
            .ToDictionary(r => S(r[0]), r => S(r[1]), StringComparer.Ordinal);
        return new PublicCellInputs(indicators, values, regions, regionOfAts);
    }

    /// <summary>
    /// The members of each public indicator's dimensions where <see cref="PublicMembers"/> allows them (none from a
    /// snapshot built before the dimensions: it has no indicator_member_values; a view since the sparse member cells, hence
    /// information_schema rather than duckdb_tables()).
    /// </summary>
    static IEnumerable<PublicCellValue> MemberValues(DbConnection connection, string schema)
    {
        var database = schema == "" ? "current_database()" : Sql.Literal(schema.TrimEnd('.'));
        if (Rows(connection, $"select count(*) from information_schema.tables where table_name = 'indicator_member_values' and table_catalog = {database}")
                .Single()[0] is not (long and > 0)) return [];
        var levels = string.Join(", ", PublicMembers.Levels.Select(Sql.Literal));
        return Rows(connection, $"""
            select m.indicator_id, m.level, m.territory_code, m.month, m.value, m.denominator, m.dimension, m.member
            from {schema}indicator_member_values as m
            join {schema}indicator_catalogue as c using (indicator_id)
            where c.is_public and m.level in ({levels})
            order by m.indicator_id, m.month, m.level, m.territory_code, m.dimension, m.member
            """).Select(r => new PublicCellValue(new PublicCellKey(S(r[0]), S(r[1]), S(r[2]), S(r[3]), S(r[6]), S(r[7])), D(r[4]), D(r[5])))
            .Where(v => PublicMembers.Allows(v.Key.Indicator, v.Key.Level));
    }

    /// <summary>
    /// The rows of a query as arrays of values (DBNull as null), each string taken from a pool: the member table
    /// repeats a few hundred indicator ids, territory codes, months and members over about a million rows (the
    /// all-Italy preset), and one copy of each keeps the heap, and the collector's work, small. Read with the data
    /// reader rather than Dapper's dynamic rows: on that preset 982,881 rows took ~14 s through dictionaries per row.
    /// </summary>
    static IEnumerable<object?[]> Rows(DbConnection connection, string sql)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                var v = reader.IsDBNull(i) ? null : reader.GetValue(i);
                row[i] = v is string text ? (pool.TryGetValue(text, out var same) ? same : pool[text] = text) : v;
            }
            yield return row;
        }
    }

    static string S(object? v) => v is null ? "" : v as string ?? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
    static double? D(object? v) => v is null ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture);
}
