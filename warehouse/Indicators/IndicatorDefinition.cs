using System.Text.Json;

namespace Monitoring.Warehouse.Indicators;

/// <summary>One entry of <c>sql/indicators/catalogue.json</c>: everything about an indicator except how its
/// numerator and denominator are counted, which is its SQL model's only job.</summary>
/// <param name="Kind">count (value = numerator, no denominator), ratio (numerator / denominator, × <see cref="Scale"/>),
/// median (numerator = the median, denominator = the number of cases it is taken over).</param>
/// <param name="FlagMethod">binomial | poisson | none: how the red flags compare ATS with the nation.</param>
/// <param name="MinDenominator">below this denominator a value is not published (disclosure control).</param>
/// <param name="EpisodeRecoveryMonths">months back inside the funnel limits that end a flag episode of this
/// indicator; null = the catalogue's <c>episodes.recovery_months</c> (default 2).</param>
/// <param name="Format">how a value is written: integer | decimal | percent | eur | days.</param>
/// <param name="Levels">levels the indicator is computed at; null = ats, region, national.</param>
/// <param name="Dimensions">ids of the catalogue's dimensions it is published by (<c>["all"]</c> = every one);
/// null = none.</param>
/// <param name="Months">all (every month of the range) | reference (the reference date's month only).</param>
/// <param name="CensorDays">months with end(m) + this many days after the reference date get no row (30-, 90-day
/// indicators).</param>
/// <param name="Rollup">sum (ratios of sums above ATS level) | max (one figure for every territory, e.g. the export's
/// lateness).</param>
/// <param name="Params">constants substituted for <c>{{name}}</c> in the SQL model (one model, several indicators).</param>
/// <param name="Scale">value = Scale × numerator / denominator (1,000 for "per 1,000 residents").</param>
/// <param name="PublicLevels">levels the public may see when <see cref="IsPublic"/>; null = ats, region, national.
/// Case-manager level is never public whatever this says; ATS-level staffing lists only national and region.</param>
/// <param name="OverCounts">public counts of the same territory and month this rate is taken over (its numerator or
/// denominator): disclosure control hides the rate whenever it hides one of them (Disclosure/RateOverCount).</param>
/// <param name="CaseManagerSql">model of the case-manager rows (case_manager_key, month, numerator), when
/// <see cref="Levels"/> holds case_manager.</param>
/// <param name="DashboardRoles">what the dashboards take this indicator for (<see cref="IndicatorCatalogue.DashboardRoleNames"/>:
/// the default trend, the residents its numerator counts, …), so no indicator id is written in the dashboards' code.</param>
/// <param name="Headline">its place among the Ministry's headline tiles (1 first); null = after those, by id.</param>
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
    double? DqMax = null,
    string Format = "decimal",
    IReadOnlyList<string>? Levels = null,
    IReadOnlyList<string>? Dimensions = null,
    string Months = "all",
    int? CensorDays = null,
    string Rollup = "sum",
    IReadOnlyDictionary<string, JsonElement>? Params = null,
    double Scale = 1,
    IndicatorTarget? Target = null,
    IReadOnlyList<string>? PublicLevels = null,
    string? CaseManagerSql = null,
    IReadOnlyList<string>? OverCounts = null,
    IReadOnlyList<string>? DashboardRoles = null,
    int? Headline = null)
{
    public static readonly IReadOnlyList<string> TerritoryLevels = ["ats", "region", "national"];

    public IReadOnlyList<string> LevelsOrDefault => Levels ?? TerritoryLevels;

    public bool HasCaseManagerLevel => LevelsOrDefault.Contains("case_manager");

    /// <summary>The levels the public may see when the indicator is public (never case_manager).</summary>
    public IReadOnlyList<string> PublicLevelsOrDefault =>
        (PublicLevels ?? TerritoryLevels).Where(l => l != "case_manager").ToList();

    public bool IsPublicAt(string level) => IsPublic && PublicLevelsOrDefault.Contains(level);

    public bool IsCount => Kind == "count";
}

/// <summary>A programme target: <c>value</c> with how it compares (at_least, at_most) and what it applies to: the
/// indicator's value, or (applies_to "days") the days within which each case should reach the step counted.</summary>
public sealed record IndicatorTarget(double Value, string Comparison, string TextIt, string TextEn, string? Source = null,
    string AppliesTo = "value");

/// <summary>A dimension of the catalogue (indicators-v1.md § Dimensions): its member codes in publishing order, and
/// the SQL expression over <c>dim_household_profile</c> (and dim_month's <c>month_end</c>) that gives a household's
/// member.</summary>
/// <param name="MemberNamesIt">member code → its Italian label (a code without one is shown as the code).</param>
/// <param name="MemberNamesEn">member code → its English label.</param>
public sealed record DimensionDefinition(string Id, string NameIt, string NameEn, string MemberSql, IReadOnlyList<string> Members,
    IReadOnlyDictionary<string, string>? MemberNamesIt = null, IReadOnlyDictionary<string, string>? MemberNamesEn = null)
{
    public string MemberName(string member, string lang) =>
        (lang == "en" ? MemberNamesEn : MemberNamesIt)?.GetValueOrDefault(member) ?? member;
}

/// <summary>The red-flag settings of the catalogue (indicators-v1.md § Red flags).</summary>
public sealed record FlagSettings(
    double WarningZ, double AlarmZ, double PlainRuleShare, double PlainRuleMinCaseManagers, int PersistenceMonths,
    double WinsorizeFraction, double NormalApproximationMinExpected, string CaseManagersIndicator);
