namespace Monitoring.Access.Views;

/// <summary>One row of indicator_catalogue (the snapshot's copy of sql/indicators/catalogue.json).</summary>
/// <param name="CatalogueFormat">the catalogue's <c>format</c>: integer, decimal, percent, eur, days.</param>
/// <param name="Roles">the catalogue's <c>dashboard_roles</c> (<see cref="DashboardRole"/>).</param>
/// <param name="Headline">the catalogue's <c>headline</c> order, null when it has none.</param>
/// <param name="Dimensions">ids of the dimensions it is published by (the catalogue's list, "all" expanded).</param>
public sealed record IndicatorInfo(string Id, string NameIt, string NameEn, string DescriptionIt, string DescriptionEn,
    string LogframeLevel, string Pillar, string Unit, bool HigherIsBetter, double MinDenominator, bool IsPublic, string Kind,
    string CatalogueFormat = "decimal", IndicatorTargetInfo? Target = null, IReadOnlyList<string>? Roles = null, int? Headline = null,
    IReadOnlyList<string>? Dimensions = null)
{
    public string Name(string lang) => lang == "en" ? NameEn : NameIt;
    public string Description(string lang) => lang == "en" ? DescriptionEn : DescriptionIt;

    /// <summary>How values are written (a <see cref="GridColumn"/> format), from the catalogue's <c>format</c>.</summary>
    public string Format => FormatOf(CatalogueFormat);

    public static string FormatOf(string catalogueFormat) => catalogueFormat switch
    {
        "integer" => "count",
        "percent" => "percent",
        "days" => "days",
        "eur" => "eur2",
        _ => "number",
    };

    /// <summary>A count (the catalogue's kind "count") has no denominator: disclosure control treats it as a count, the rest as rates.</summary>
    public bool IsCount => Kind == "count";

    public IReadOnlyList<string> DimensionIds => Dimensions ?? [];

    public bool HasRole(string role) => Roles?.Contains(role) == true;
}

/// <summary>
/// A programme target of the catalogue: a value the indicator should stay at most / at least at (applies to the value,
/// drawn as a line), or the days within which each case should reach the step the indicator counts (applies to days).
/// </summary>
public sealed record IndicatorTargetInfo(double Value, string Comparison, string AppliesTo, string TextIt, string TextEn)
{
    public bool OnValue => AppliesTo == "value";
    public string Text(string lang) => lang == "en" ? TextEn : TextIt;
}

/// <summary>The catalogue's <c>dashboard_roles</c> the dashboards read (warehouse IndicatorCatalogue.DashboardRoleNames).</summary>
public static class DashboardRole
{
    public const string DefaultTrend = "default_trend", Underperforming = "underperforming", DimensionDefault = "dimension_default",
        Residents = "residents", CaseManagers = "case_managers", CaseManagerFte = "case_manager_fte", HouseholdsPaid = "households_paid",
        OpenCases = "open_cases", CaseManagerWorkload = "case_manager_workload";
}
