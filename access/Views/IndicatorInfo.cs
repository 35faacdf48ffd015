namespace Monitoring.Access.Views;

/// <summary>One row of indicator_catalogue.</summary>
public sealed record IndicatorInfo(string Id, string NameIt, string NameEn, string DescriptionIt, string DescriptionEn,
    string LogframeLevel, string Pillar, string Unit, bool HigherIsBetter, double MinDenominator, bool IsPublic, string Kind)
{
    public string Name(string lang) => lang == "en" ? NameEn : NameIt;
    public string Description(string lang) => lang == "en" ? DescriptionEn : DescriptionIt;
    /// <summary>How values are written: shares as percent, counts of people/cases whole, days with one decimal.</summary>
    public string Format => Unit switch
    {
        "share" or "proportion" or "percent" => "percent",
        "days" => "days",
        "EUR" => "eur2",
        "fte" => "number",
        _ when IsCount => "count",
        _ => "number",
    };

    /// <summary>A count (kind "count") has no denominator: disclosure control treats it as a count, the rest as rates.</summary>
    public bool IsCount => Kind == "count" || Unit == "count";
}
