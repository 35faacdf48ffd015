namespace Monitoring.Dashboards.Staffing;

/// <summary>The staffing planner's answers (see StaffingPlanner for the rules).</summary>
public sealed record StaffingPlan(
    double CaseManagersPer100Households, double? HouseholdsPerCaseManager, double? ResidentsPerCaseManager,
    int MoreForNationalAverage, int MoreFor5000, int MoreFor4000,
    double ContributionTo5000Eur, double ContributionTo4000Eur,
    double OpenCasesAfter, double? CaseloadAfter, int MoreToKeepCaseload);
