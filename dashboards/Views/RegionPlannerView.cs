using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Views;

/// <summary>
/// The planner page's issue-16 panels for one view: the region's ATS side by side (regional planner, Ministry with a
/// region) or the ATS against its peers as a distribution (ATS planner), staffing in FTE and the budget by fund.
/// </summary>
public sealed record RegionPlannerView(Grid? RegionAts, Grid? Peers, Grid StaffingFte, Grid Budget)
{
    public static RegionPlannerView? Load(DashboardQueries q, UserScope scope, PanelFilter f) => scope.Role switch
    {
        UserRole.PlannerRegion => new(q.RegionPlanner.RegionAts(scope, f), null, q.RegionPlanner.StaffingFte(scope, f), q.RegionPlanner.Budget(scope, f)),
        UserRole.Ministry when f.Region is not null
            => new(q.RegionPlanner.RegionAts(scope, f), null, q.RegionPlanner.StaffingFte(scope, f), q.RegionPlanner.Budget(scope, f)),
        UserRole.PlannerAts => new(null, q.RegionPlanner.AtsPeers(scope, f), q.RegionPlanner.StaffingFte(scope, f), q.RegionPlanner.Budget(scope, f)),
        _ => null,
    };

    /// <summary>The chart of residents per FTE per ATS with the 1:5,000 and 1:4,000 lines as constant series.</summary>
    public Grid RatioChart(string lang)
    {
        var i = StaffingFte.ColumnIndex("residents_per_fte");
        var r = StaffingFte.ColumnIndex("region_residents_per_fte");
        var n = StaffingFte.ColumnIndex("national_residents_per_fte");
        return new Grid("planner-ratio-chart",
            [StaffingFte.Columns[0], StaffingFte.Columns[i], StaffingFte.Columns[r], StaffingFte.Columns[n],
             Localization.PlannerLabels.Column(lang, "line_5000", "count"), Localization.PlannerLabels.Column(lang, "line_4000", "count")],
            StaffingFte.Rows.Select(row => new object?[] { row[0], row[i], row[r], row[n], StaffingPlanner.EssentialRatio, StaffingPlanner.TargetRatio }).ToList());
    }
}
