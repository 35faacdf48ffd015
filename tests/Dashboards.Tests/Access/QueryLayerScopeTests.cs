using Monitoring.Dashboards.Queries;

namespace Monitoring.Tests.Dashboards.Access;

/// <summary>The scoped query layer without the web host, on the real DATA_DIR: every out-of-scope call throws.</summary>
[Collection("app")]
public sealed class QueryLayerScopeTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Fact]
    public void Each_role_is_refused_outside_its_scope_and_served_inside_it()
    {
        using var q = new DashboardQueries(app.DataDir);
        var all = q.Meta.Ats();
        var own = all.First(a => a.RegionCode == "15");
        var other = all.Last(a => a.Code != own.Code);
        var cm = q.Meta.FirstCaseManager(own.Code)!;
        var planner = new UserScope(UserRole.PlannerAts, "15", own.Code);
        var regionPlanner = new UserScope(UserRole.PlannerRegion, "15");
        var coordinator = new UserScope(UserRole.Coordinator, "15", own.Code);
        var caseManager = new UserScope(UserRole.CaseManager, "15", own.Code, cm);

        Assert.Throws<ScopeViolation>(() => q.Panel("ministry-flags", planner, new()));
        Assert.Throws<ScopeViolation>(() => q.Panel("trend", planner, new() { Ats = other.Code }));
        Assert.Throws<ScopeViolation>(() => q.Panel("trend", regionPlanner, new() { Region = "01" }));
        Assert.Throws<ScopeViolation>(() => q.Panel("casework-workload", coordinator, new() { Ats = other.Code }));
        Assert.Throws<ScopeViolation>(() => q.Panel("casework-workload", UserScope.Ministry, new()));
        Assert.Throws<ScopeViolation>(() => q.Panel("planner-staffing", caseManager, new()));
        Assert.Throws<ScopeViolation>(() => q.Panel("planner-staffing", UserScope.Public, new()));
        Assert.Throws<ScopeViolation>(() => q.Panel("public-headlines", UserScope.Public, new() { Ats = own.Code }));
        Assert.Throws<ScopeViolation>(() => q.Panel("no-such-panel", UserScope.Ministry, new()));
        // A scope missing the territory it needs is treated as public.
        Assert.Throws<ScopeViolation>(() => q.Panel("trend", new UserScope(UserRole.PlannerAts), new()));

        Assert.NotEmpty(q.Panel("trend", planner, new()).Rows);
        Assert.NotEmpty(q.Panel("trend", regionPlanner, new() { Ats = other.Code }).Rows);
        Assert.Single(q.Panel("casework-workload", caseManager, new()).Rows);
        Assert.True(q.Panel("casework-workload", coordinator, new()).Rows.Count > 1);
        Assert.NotEmpty(q.Panel("public-headlines", UserScope.Public, new()).Rows);
    }
}
