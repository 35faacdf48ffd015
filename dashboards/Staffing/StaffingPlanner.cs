namespace Monitoring.Dashboards.Staffing;

/// <summary>
/// The staffing arithmetic (programme-facts.md, Law 178/2020 c. 797):
/// essential level 1 social worker per 5,000 residents, target 1 per 4,000; the State pays €40,000 a year per
/// full-time worker employed beyond 1:6,500 up to 1:5,000 and €20,000 per worker from 1:5,000 up to 1:4,000.
/// Thresholds are exact ratios (population / 6,500 may be fractional); hires are whole people, rounded up.
/// The contribution for a set of hires is the contribution at the new staffing minus the one at today's.
/// </summary>
public static class StaffingPlanner
{
    public const double LowerRatio = 6500, EssentialRatio = 5000, TargetRatio = 4000;
    public const double EurUpToEssential = 40_000, EurUpToTarget = 20_000;

    public static StaffingPlan Plan(StaffingInputs x, double growthPercent)
    {
        var cms = x.CaseManagers;
        var more5000 = MoreToReach(x.Population / EssentialRatio, cms);
        var more4000 = MoreToReach(x.Population / TargetRatio, cms);
        var moreNational = x.NationalResidentsPerCaseManager > 0 ? MoreToReach(x.Population / x.NationalResidentsPerCaseManager, cms) : 0;
        var openAfter = x.OpenCases * (1 + growthPercent / 100.0);
        var caseloadNow = cms > 0 ? x.OpenCases / cms : (double?)null;
        var moreCaseload = caseloadNow is > 0 ? Math.Max(0, (int)Math.Ceiling(Math.Round(openAfter / caseloadNow.Value - cms, 9))) : 0;
        return new StaffingPlan(
            CaseManagersPer100Households: x.Households > 0 ? cms / x.Households * 100 : 0,
            HouseholdsPerCaseManager: cms > 0 ? x.Households / cms : null,
            ResidentsPerCaseManager: cms > 0 ? x.Population / cms : null,
            MoreForNationalAverage: moreNational,
            MoreFor5000: more5000,
            MoreFor4000: more4000,
            ContributionTo5000Eur: Contribution(x.Population, cms + more5000) - Contribution(x.Population, cms),
            ContributionTo4000Eur: Contribution(x.Population, cms + more4000) - Contribution(x.Population, cms),
            OpenCasesAfter: openAfter,
            CaseloadAfter: cms > 0 ? openAfter / cms : null,
            MoreToKeepCaseload: moreCaseload);
    }

    /// <summary>Whole workers to add so staff ≥ needed (never negative).</summary>
    public static int MoreToReach(double needed, double staff) => Math.Max(0, (int)Math.Ceiling(Math.Round(needed - staff, 9)));

    /// <summary>The yearly State contribution for a territory employing <paramref name="staff"/> full-time workers.</summary>
    public static double Contribution(double population, double staff)
    {
        var from = population / LowerRatio;
        var essential = population / EssentialRatio;
        var target = population / TargetRatio;
        var band1 = Math.Clamp(staff - from, 0, essential - from);
        var band2 = Math.Clamp(staff - essential, 0, target - essential);
        return band1 * EurUpToEssential + band2 * EurUpToTarget;
    }
}
