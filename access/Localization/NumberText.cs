using System.Globalization;

namespace Monitoring.Access.Localization;

/// <summary>
/// Numbers and months as a reader of each language writes them, for the screen only (tables, tiles, headings;
/// charts.js applies the same rules to axes and tooltips): Italian <c>13.961</c>, <c>42,0 %</c>, <c>3.975,2</c>,
/// <c>€ 606,20</c>, <c>ott 2026</c>; English <c>13,961</c>, <c>42.0%</c>, <c>€606.20</c>, <c>Oct 2026</c>.
/// CSV files keep machine formats (<see cref="Queries.GridFormat"/>). The separators are written out here rather
/// than taken from ICU cultures: the build runs with invariant globalization, and the output must not change
/// with the machine's ICU version.
/// </summary>
public static class NumberText
{
    /// <summary>The no-break space Italian puts before "%" (the percent never wraps away from its number).</summary>
    public const string PercentSpace = "\u00A0";

    private static readonly NumberFormatInfo It = Separators(".", ",");
    private static readonly NumberFormatInfo En = Separators(",", ".");

    private static readonly string[] MonthsIt = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];
    private static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static NumberFormatInfo Separators(string group, string @decimal)
    {
        var f = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        f.NumberGroupSeparator = group;
        f.NumberDecimalSeparator = @decimal;
        f.NegativeSign = "−";
        return NumberFormatInfo.ReadOnly(f);
    }

    /// <summary>A number in one of the grid formats (count, number, percent, days, eur in whole euros, eur2 with cents) for the given language.</summary>
    public static string Number(double v, string format, string lang)
    {
        var nf = lang == "en" ? En : It;
        return format switch
        {
            "count" => Digits(Math.Round(v), 0, 0, nf),
            "percent" => Digits(v * 100, 1, 1, nf) + (lang == "en" ? "%" : PercentSpace + "%"),
            "days" => Digits(v, 1, 0, nf),
            "eur" => (lang == "en" ? "€" : "€ ") + Digits(Math.Round(v), 0, 0, nf),
            "eur2" => (lang == "en" ? "€" : "€ ") + Digits(v, 2, 2, nf),
            _ => Digits(v, 2, 0, nf),
        };
    }

    /// <summary>
    /// Grouped digits with at most <paramref name="max"/> and at least <paramref name="min"/> decimals. The standard "N"
    /// format rounds the exact binary value, as JavaScript's toFixed does in charts.js (a custom "0.##" format rounds
    /// 546.935 up, toFixed down), so a table and its chart's tooltip never differ in the last digit.
    /// </summary>
    private static string Digits(double v, int max, int min, NumberFormatInfo nf)
    {
        var s = v.ToString("N" + max.ToString(CultureInfo.InvariantCulture), nf);
        if (max == min) return s;
        var point = s.IndexOf(nf.NumberDecimalSeparator, StringComparison.Ordinal);
        if (point < 0) return s;
        var end = s.Length;
        while (end > point + 1 + min && s[end - 1] == '0') end--;
        if (end == point + 1) end = point;
        return s[..end];
    }

    /// <summary>"2026-10" as "ott 2026" / "Oct 2026"; anything else unchanged.</summary>
    public static string Month(string? yearMonth, string lang)
    {
        if (yearMonth is not { Length: 7 } || yearMonth[4] != '-'
            || !int.TryParse(yearMonth.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(yearMonth.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12)
            return yearMonth ?? "";
        return (lang == "en" ? MonthsEn : MonthsIt)[month - 1] + " " + year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An ISO date ("2026-10-31") as "31/10/2026" (Italian) or "31 Oct 2026" (English); anything else unchanged.</summary>
    public static string Date(string? isoDate, string lang)
    {
        if (!DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return isoDate ?? "";
        return lang == "en"
            ? $"{d.Day} {MonthsEn[d.Month - 1]} {d.Year}"
            : d.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
    }
}
