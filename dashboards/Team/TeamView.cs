using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Team;

/// <summary>The coordinator's team panels for one page view, loaded together through the scoped query layer.</summary>
public sealed record TeamView(Grid StepsPerCaseManager, Grid Unassigned, Grid Leavers, Grid NextCase)
{
    public static TeamView Load(DashboardQueries q, UserScope scope, PanelFilter f)
        => new(q.Team.StepsPerCaseManager(scope, f), q.Team.Unassigned(scope, f), q.Team.Leavers(scope, f), q.Team.NextCase(scope, f));
}
