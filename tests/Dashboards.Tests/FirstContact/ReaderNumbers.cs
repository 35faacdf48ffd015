using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Tests.Dashboards.FirstContact;

/// <summary>
/// The test's own idea of how a reader writes numbers (written from the issue, not by calling the app): Italian
/// 13.961 · 42,0 % · 3.975,2 · € 606,20 · ott 2026; English 13,961 · 42.0% · 3,975.2 · €606.20 · Oct 2026.
/// Built from .NET's invariant "N" format (1,234.50) by swapping the separators for Italian.
/// </summary>
public static partial class ReaderNumbers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A catalogue value (unit, kind as in indicator_catalogue) as the tile or table should show it.</summary>
    public static string Indicator(double v, string unit, string kind, string lang) => unit switch
    {
        "share" => Grouped(v * 100, 1, 1, lang) + (lang == "en" ? "%" : "\u00A0%"),
        "days" => Grouped(v, 1, 0, lang),
        "EUR" => (lang == "en" ? "€" : "€ ") + Grouped(v, 2, 2, lang),
        _ when kind == "count" && unit != "fte" => Grouped(Math.Round(v), 0, 0, lang),
        _ => Grouped(v, 2, 0, lang),
    };

    public static string Count(double v, string lang) => Grouped(Math.Round(v), 0, 0, lang);

    /// <summary>A number with up to two decimals (the "number" columns).</summary>
    public static string Decimal(double v, string lang) => Grouped(v, 2, 0, lang);

    /// <summary>A CSV cell (machine format: "." decimal, no grouping, "42.0%") as the table shows it in the language.</summary>
    public static string FromMachine(string cell, string lang)
    {
        var percent = cell.EndsWith('%');
        var number = percent ? cell[..^1] : cell;
        if (!double.TryParse(number, NumberStyles.Float, Inv, out var v)) return cell;
        var decimals = number.Contains('.') ? number.Length - number.IndexOf('.') - 1 : 0;
        return Grouped(v, decimals, decimals, lang) + (percent ? (lang == "en" ? "%" : "\u00A0%") : "");
    }

    /// <summary>An ISO date as the footer writes it: 31/10/2026 or 31 Oct 2026.</summary>
    public static string Date(string iso, string lang)
        => lang == "en" ? $"{int.Parse(iso[8..10], Inv)} {Month(iso[..7], "en")}" : $"{iso[8..10]}/{iso[5..7]}/{iso[..4]}";

    private static string Grouped(double v, int maxDecimals, int minDecimals, string lang)
    {
        var s = v.ToString("N" + maxDecimals, Inv);   // 3,975.20
        if (maxDecimals > minDecimals && s.Contains('.'))
        {
            s = s.TrimEnd('0');
            var decimals = s.Length - s.IndexOf('.') - 1;
            if (decimals < minDecimals) s += new string('0', minDecimals - decimals);
            s = s.TrimEnd('.');
        }
        if (lang == "en") return s;
        return s.Replace(",", "\u0001").Replace(".", ",").Replace("\u0001", ".");
    }

    public static string Month(string yearMonth, string lang)
    {
        var months = lang == "en"
            ? new[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
            : new[] { "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic" };
        return months[int.Parse(yearMonth[5..7], Inv) - 1] + " " + yearMonth[..4];
    }

    /// <summary>Any whitespace (the no-break space before "%") as a plain space, for comparing what is read on screen.</summary>
    public static string Plain(string s) => Whitespace().Replace(s.Trim(), " ");

    /// <summary>
    /// Could this text be a number written for the language? Thousands grouped by the language's separator, its decimal
    /// mark, its percent and euro style; also the suppression marks (&lt;10, n.p.) and empty cells. "42.0%" is not Italian,
    /// "42,0 %" not English, "3.975,2" not English.
    /// </summary>
    public static bool LooksLike(string text, string lang)
    {
        var t = Plain(text).Replace('\u2212', '-');
        if (t is "" or "<10" or "n.p." or "—") return true;
        return lang == "en" ? English().IsMatch(t) : Italian().IsMatch(t);
    }

    [GeneratedRegex(@"^(€ )?-?\d{1,3}(\.\d{3})*(,\d+)?( %)?$")]
    private static partial Regex Italian();

    [GeneratedRegex(@"^€?-?\d{1,3}(,\d{3})*(\.\d+)?%?$")]
    private static partial Regex English();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
