using Monitoring.Dashboards.Downloads;
using Monitoring.Dashboards.Operations;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.Releases;

namespace Monitoring.Tests.Dashboards.Operations;

/// <summary>The operations and download queries without the web host, on a DATA_DIR where nothing has run yet.</summary>
public sealed class OperationsQueryTests : IDisposable
{
    private readonly TempDir _tmp = new("ops-empty-");
    private string _dir => _tmp.Root;

    [Fact]
    public void A_fresh_data_dir_gives_empty_panels_and_no_errors_and_still_refuses_other_roles()
    {
        using var q = new DashboardQueries(_dir);
        var ops = new OperationsQueries(_dir, q.Rules, q.Connections.Store.CurrentRunId);
        var downloads = new DownloadQueries(_dir, q.Rules);

        Assert.False(ops.HasJobHistory(UserScope.Ministry));
        foreach (var panel in OperationsQueries.Panels.Keys)
            Assert.Empty(ops.Panel(panel, UserScope.Ministry, "en", null).Rows);
        Assert.Null(ops.SelectedRun(UserScope.Ministry, null));
        Assert.Null(ops.SelectedRun(UserScope.Ministry, "../../CURRENT"));
        Assert.Empty(downloads.Releases());
        Assert.Empty(downloads.Extracts(UserScope.Ministry));
        Assert.Null(downloads.OpenDataFile("x", "indicators.csv"));

        var planner = new UserScope(UserRole.PlannerRegion, "15");
        foreach (var scope in new[] { planner, UserScope.Public, new UserScope(UserRole.CaseManager, "15", "ATS-15-001", "abc") })
        {
            Assert.Throws<ScopeViolation>(() => ops.HasJobHistory(scope));
            Assert.Throws<ScopeViolation>(() => ops.Panel("operations-job-runs", scope, "it", null));
            Assert.Throws<ScopeViolation>(() => downloads.Extracts(scope));
            Assert.Throws<ScopeViolation>(() => downloads.ResearchFile(scope, "p_r1", "households.parquet"));
        }
        Assert.Throws<ScopeViolation>(() => ops.Panel("no-such-panel", UserScope.Ministry, "it", null));
    }

    public void Dispose() => _tmp.Dispose();
}
