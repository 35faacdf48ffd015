using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Queries;

/// <summary>The local planners' staffing planner: today's ratios and what it takes to reach the standards.</summary>
public sealed class PlannerQueries(MetaQueries meta, ScopeRules rules)
{
    public StaffingInputs StaffingInputs(UserScope scope, PanelFilter f)
    {
        var (level, code) = rules.DefaultTerritory(scope, f);
        if (level == "national") rules.RequireRole(scope, "national staffing", UserRole.Ministry);
        rules.RequireTerritory(scope, level, code, "staffing");
        rules.RequireRole(scope, "staffing", UserRole.Ministry, UserRole.PlannerRegion, UserRole.PlannerAts, UserRole.Coordinator);
        var month = meta.ResolveMonth(f.Month);
        var values = meta.Values();
        // What each input counts is the catalogue's dashboard role of an indicator (numerator, denominator or value).
        string residents = meta.ForRole(DashboardRole.Residents).Id, heads = meta.ForRole(DashboardRole.CaseManagers).Id,
            households = meta.ForRole(DashboardRole.HouseholdsPaid).Id, openCases = meta.ForRole(DashboardRole.OpenCases).Id;
        double? Get(string id, string lvl, string col)
        {
            var v = lvl == "national" ? values.Get(id, "national", "IT", month) : values.Get(id, level, code, month);
            return col switch { "numerator" => v?.Numerator, "denominator" => v?.Denominator, _ => v?.Value };
        }
        var cms = Get(heads, level, "numerator") ?? Get(residents, level, "denominator") ?? 0;
        return new StaffingInputs(
            Population: Get(residents, level, "numerator") ?? 0,
            CaseManagers: cms,
            Households: Get(households, level, "numerator") ?? 0,
            OpenCases: Get(openCases, level, "numerator") ?? 0,
            NationalResidentsPerCaseManager: Get(residents, "national", "value") ?? 0);
    }

    public Grid Staffing(UserScope scope, PanelFilter f) => StaffingGrid(StaffingInputs(scope, f), f.Growth, f.Lang);

    /// <summary>The planner's table for given inputs (pure: the page, the CSV and the tests share it).</summary>
    public static Grid StaffingGrid(StaffingInputs x, double growth, string lang)
    {
        var p = StaffingPlanner.Plan(x, growth);
        object?[] Row(string key, object? value, string format) => [key, Labels.T(lang, "staff." + key), value is double d ? new FormattedNumber(d, format) : value];
        return new Grid("planner-staffing",
            [new GridColumn("key", "key"), Columns.Of(lang, "measure"), Columns.Of(lang, "value")],
            [
                Row("population", x.Population, "count"),
                Row("case_managers", x.CaseManagers, "number"),
                Row("households", x.Households, "count"),
                Row("cm_per_100_households", p.CaseManagersPer100Households, "number"),
                Row("households_per_cm", p.HouseholdsPerCaseManager, "number"),
                Row("residents_per_cm", p.ResidentsPerCaseManager, "count"),
                Row("national_residents_per_cm", x.NationalResidentsPerCaseManager, "count"),
                Row("more_for_national", (double)p.MoreForNationalAverage, "count"),
                Row("more_for_5000", (double)p.MoreFor5000, "count"),
                Row("more_for_4000", (double)p.MoreFor4000, "count"),
                Row("contribution_5000", p.ContributionTo5000Eur, "eur"),
                Row("contribution_4000", p.ContributionTo4000Eur, "eur"),
                Row("open_cases", x.OpenCases, "count"),
                Row("open_cases_after", p.OpenCasesAfter, "number"),
                Row("caseload_after", p.CaseloadAfter, "number"),
                Row("more_for_caseload", (double)p.MoreToKeepCaseload, "count"),
            ]);
    }
}
