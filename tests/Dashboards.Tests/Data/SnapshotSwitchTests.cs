namespace Monitoring.Tests.Dashboards.Data;

[Collection("app")]
public sealed class SnapshotSwitchTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Fact]
    public async Task A_new_snapshot_is_served_without_restarting_the_app()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public");
        var before = await page.Locator(".run-line").GetAttributeAsync("data-run-id");

        var newRun = await app.RunPipelineAsync();
        Assert.NotEqual(before, newRun);

        await page.ReloadAsync();
        Assert.Equal(newRun, await page.Locator(".run-line").GetAttributeAsync("data-run-id"));
        // Demo users follow the new snapshot too (its pseudonymous keys), and sign-in still works.
        var cm = await app.SignedInAsync("case_manager");
        Assert.EndsWith("/casework", cm.Url);
        Assert.Equal(1, await cm.Locator(".grid-table[data-panel='casework-workload'] tbody tr").CountAsync());
    }
}
