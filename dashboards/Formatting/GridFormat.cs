using System.Globalization;
using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Formatting;

/// <summary>
/// The two ways to write a cell: <see cref="Cell"/> in machine format for the CSV files ("." decimal, no thousands
/// separator, ISO months), <see cref="Display"/> in the reader's language for tables, tiles and chart labels.
/// </summary>
public static class GridFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Cell(object? value, GridColumn column) => Value(value, column.Format);

    public static string Value(object? value, string format) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        FormattedNumber f => Number(f.Value, f.Format),
        _ when IsNumber(value) => Number(Convert.ToDouble(value, Inv), format),
        _ => Convert.ToString(value, Inv) ?? "",
    };

    public static string Number(double v, string format) => format switch
    {
        "count" => Math.Round(v).ToString("0", Inv),
        "percent" => (v * 100).ToString("0.0", Inv) + "%",
        "days" => v.ToString("0.#", Inv),
        "eur" => Math.Round(v).ToString("0", Inv),
        "eur2" => v.ToString("0.##", Inv),
        _ => v.ToString("0.##", Inv),
    };

    /// <summary>A cell as the reader sees it: numbers with the language's separators, "2026-10" as "ott 2026".</summary>
    public static string Display(object? value, GridColumn column, string lang) => value switch
    {
        null => "",
        string s when column.Key == "month" => NumberText.Month(s, lang),
        // An ISO date column ("date" format): "31/10/2026" / "31 Oct 2026"; the CSV keeps ISO 8601.
        string s when column.Format == "date" => NumberText.Date(s, lang),
        // A flag's severity and a follow-up status are codes; the table names them in the reader's language.
        string s when column.Key is "severity" or "status" => Coded(column.Key + "." + s, s, lang),
        string s => s,
        bool b => Labels.T(lang, b ? "yes" : "no"),
        FormattedNumber f => NumberText.Number(f.Value, f.Format, lang),
        _ when IsNumber(value) => NumberText.Number(Convert.ToDouble(value, Inv), column.Format, lang),
        _ => Convert.ToString(value, Inv) ?? "",
    };

    private static string Coded(string key, string code, string lang) => Labels.T(lang, key) is var t && t != key ? t : code;

    private static bool IsNumber(object v) => v is double or float or decimal or int or long or short or byte or uint or ulong or System.Numerics.BigInteger;
}
