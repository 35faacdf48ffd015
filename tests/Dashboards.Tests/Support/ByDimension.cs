using System.Globalization;
using DuckDB.NET.Data;
using Monitoring.Tests.Dashboards.FirstContact;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The test's own reading of an indicator by dimension (issue 14) straight from the snapshot — indicator_member_values,
/// indicator_values, indicator_dimensions, indicator_catalogue — and its own writing of a value by the catalogue's
/// <c>format</c>, for the dimension-picker tests of the Ministry and planner pages.
/// </summary>
public static class ByDimension
{
    public sealed record Member(string Code, string NameIt, string NameEn, double? Numerator, double? Denominator, double? Value);

    public static string LatestMonth(DuckDBConnection db) => Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");

    /// <summary>The members of a dimension for one indicator, territory and month, in the catalogue's order.</summary>
    public static List<Member> Members(DuckDBConnection db, string indicator, string dimension, string level, string code, string month) =>
        Expected.Rows(db, $"""
            select d.member, d.member_name_it, d.member_name_en, m.numerator, m.denominator, m.value
            from indicator_dimensions d
            left join indicator_member_values m on m.dimension = d.dimension and m.member = d.member and m.indicator_id = '{indicator}'
                 and m.level = '{level}' and m.territory_code = '{code}' and m.month = '{month}'
            where d.dimension = '{dimension}' order by d.member_order
            """).Select(r => new Member((string)r["member"]!, (string)r["member_name_it"]!, (string)r["member_name_en"]!,
                Expected.D(r["numerator"]), Expected.D(r["denominator"]), Expected.D(r["value"]))).ToList();

    public static double? Total(DuckDBConnection db, string indicator, string level, string code, string month) =>
        Expected.Rows(db, $"""
            select value from indicator_values where indicator_id = '{indicator}' and level = '{level}' and territory_code = '{code}' and month = '{month}'
            """).Select(r => Expected.D(r["value"])).SingleOrDefault();

    /// <summary>A value as the reader of the language should see it, by the catalogue's format (integer, decimal, percent, eur, days).</summary>
    public static string Format(double? v, string catalogueFormat, string lang) => v is not double d ? "" : catalogueFormat switch
    {
        "integer" => ReaderNumbers.Count(d, lang),
        "percent" => ReaderNumbers.Indicator(d, "share", "ratio", lang),
        "eur" => ReaderNumbers.Indicator(d, "EUR", "ratio", lang),
        "days" => ReaderNumbers.Indicator(d, "days", "ratio", lang),
        _ => ReaderNumbers.Decimal(d, lang),
    };

    /// <summary>A whole number as the page wrote it in Italian ("1.234") back to a number.</summary>
    public static double ParseItalianCount(string text) => double.Parse(text.Trim().Replace(".", ""), CultureInfo.InvariantCulture);
}
