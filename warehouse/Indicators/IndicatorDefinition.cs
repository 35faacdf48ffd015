namespace Monitoring.Warehouse.Indicators;

/// <summary>One entry of <c>sql/indicators/catalogue.json</c>.</summary>
/// <param name="Kind">count (value = numerator, no denominator), ratio (numerator / denominator),
/// median (numerator = the median, denominator = the number of cases it is taken over).</param>
/// <param name="FlagMethod">binomial | poisson | none: how the red flags compare ATS with the nation.</param>
/// <param name="MinDenominator">below this denominator a value is not published (disclosure control).</param>
/// <param name="EpisodeRecoveryMonths">months back inside the funnel limits that end a flag episode of this
/// indicator; null = the catalogue's <c>episodes.recovery_months</c> (default 2).</param>
public sealed record IndicatorDefinition(
    string Id,
    string NameIt,
    string NameEn,
    string DescriptionIt,
    string DescriptionEn,
    string LogframeLevel,
    string Pillar,
    string Unit,
    bool HigherIsBetter,
    string Kind,
    double MinDenominator,
    bool IsPublic,
    string Sql,
    string FlagMethod = "none",
    int? EpisodeRecoveryMonths = null,
    string Family = "performance",
    double? DqMax = null);
