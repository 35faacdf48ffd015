using System.Globalization;
using DuckDB.NET.Data;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The test's own reading of the warehouse and its own writing of numbers (written from the spec, not by
/// calling the dashboards' formatter): shares ×100 with one decimal and %, counts whole, days one decimal, else two,
/// in the reader's language (Italian unless told: FirstContact/ReaderNumbers).
/// </summary>
public static class Expected
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Format(double v, string unit, string kind, string lang = "it") => FirstContact.ReaderNumbers.Indicator(v, unit, kind, lang);

    public static List<Dictionary<string, object?>> Rows(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (r.Read())
            rows.Add(Enumerable.Range(0, r.FieldCount).ToDictionary(r.GetName, i => r.IsDBNull(i) ? null : r.GetValue(i) is Guid g ? g.ToString() : r.GetValue(i)));
        return rows;
    }

    public static T Scalar<T>(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar()!;
        // Pseudonymous keys are UUIDs: compared as their text.
        return v is Guid g ? (T)(object)g.ToString() : (T)Convert.ChangeType(v, typeof(T), Inv);
    }

    public static double? D(object? v) => v is null ? null : Convert.ToDouble(v, Inv);
}
