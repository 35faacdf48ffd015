namespace Monitoring.Dashboards.Queries;

/// <summary>One row of indicator_catalogue.</summary>
public sealed record IndicatorInfo(string Id, string NameIt, string NameEn, string DescriptionIt, string DescriptionEn,
    string LogframeLevel, string Pillar, string Unit, bool HigherIsBetter, double MinDenominator, bool IsPublic, string Kind)
{
    public string Name(string lang) => lang == "en" ? NameEn : NameIt;
    public string Description(string lang) => lang == "en" ? DescriptionEn : DescriptionIt;
    public string Format => GridFormat.ForUnit(Unit);
    /// <summary>A count has no denominator: disclosure control treats it as a count, the rest as rates.</summary>
    public bool IsCount => Unit == "count" || Kind == "count";
}
