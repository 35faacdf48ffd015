using System.Globalization;

namespace Monitoring.Dashboards.Queries;

/// <summary>One way to write a cell, shared by the HTML tables, the tiles and the CSV files.</summary>
public static class GridFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Cell(object? value, GridColumn column) => Value(value, column.Format);

    public static string Value(object? value, string format) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        _ when IsNumber(value) => Number(Convert.ToDouble(value, Inv), format),
        _ => Convert.ToString(value, Inv) ?? "",
    };

    public static string Number(double v, string format) => format switch
    {
        "count" => Math.Round(v).ToString("0", Inv),
        "percent" => (v * 100).ToString("0.0", Inv) + "%",
        "days" => v.ToString("0.#", Inv),
        "eur" => Math.Round(v).ToString("0", Inv),
        _ => v.ToString("0.##", Inv),
    };

    private static bool IsNumber(object v) => v is double or float or decimal or int or long or short or byte or uint or ulong or System.Numerics.BigInteger;
}
