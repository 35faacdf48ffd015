namespace Monitoring.Tests.Dashboards.Casework;

[Collection("app")]
public sealed class CaseworkDashboardTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private static string Label(string key) => "CM-" + key[..6];

    [Fact]
    public async Task Coordinator_sees_every_case_manager_of_the_ats_with_warehouse_workloads()
    {
        using var db = app.Warehouse();
        var ats = Expected.Scalar<string>(db, "select min(ats_code) from dim_ats where region_code = '15'");
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var expected = Expected.Rows(db, $"""
            select o.operator_key,
                   (select count(*) from cm_open_case_age a where a.case_manager_key = o.operator_key and a.ats_code = '{ats}') as open_cases,
                   (select numerator from indicator_values v where v.level = 'case_manager' and v.indicator_id = 'cases_processed'
                      and v.territory_code = o.operator_key and v.month = '{month}') as processed
            from (select distinct operator_key from dim_operator where role = 'case_manager' and ats_code = '{ats}'
                    -- active in the month: leavers are listed apart (CoordinatorTeamTests)
                    and active_from <= last_day(cast('{month}-01' as date))
                    and (active_to is null or active_to >= cast('{month}-01' as date))) o
            """);
        Assert.NotEmpty(expected);

        var page = await app.SignedInAsync("coordinator");
        Assert.EndsWith("/casework", page.Url);
        await page.Locator("#chart-workload .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        await DashboardsApp.ScreenshotAsync(page, "coordinator");
        var table = page.Locator(".grid-table[data-panel='casework-workload']");
        Assert.Equal(expected.Count, await table.Locator("tbody tr").CountAsync());
        foreach (var row in expected)
        {
            var tr = table.Locator($"tr[data-key='{Label((string)row["operator_key"]!)}']");
            Assert.Equal(Convert.ToInt64(row["open_cases"]).ToString(), await tr.Locator("[data-col='open_cases']").InnerTextAsync());
            Assert.Equal((Expected.D(row["processed"]) ?? 0).ToString("0"), await tr.Locator("[data-col='processed']").InnerTextAsync());
        }
        // No key is shown in full: only the six-character labels.
        var html = await page.ContentAsync();
        Assert.DoesNotContain((string)expected[0]["operator_key"]!, html);
    }

    [Fact]
    public async Task Case_manager_sees_only_their_own_row_and_cases()
    {
        using var db = app.Warehouse();
        var ats = Expected.Scalar<string>(db, "select min(ats_code) from dim_ats where region_code = '15'");
        var own = Expected.Scalar<string>(db, $"select min(operator_key) from dim_operator where role = 'case_manager' and ats_code = '{ats}'");
        var ownOpen = Expected.Scalar<long>(db, $"select count(*) from cm_open_case_age where case_manager_key = '{own}'");
        var other = Expected.Scalar<string>(db, $"select max(ats_code) from dim_ats where ats_code <> '{ats}'");

        var page = await app.SignedInAsync("case_manager");
        await DashboardsApp.ScreenshotAsync(page, "case-manager");
        var rows = page.Locator(".grid-table[data-panel='casework-workload'] tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(Label(own), await rows.First.GetAttributeAsync("data-key"));
        Assert.Equal(ownOpen.ToString(), await rows.First.Locator("[data-col='open_cases']").InnerTextAsync());
        var waitingOwners = await page.Locator(".grid-table[data-panel='casework-waiting'] tbody td[data-col='case_manager']").AllInnerTextsAsync();
        Assert.All(waitingOwners, o => Assert.Equal(Label(own), o));
        // Step timing puts "my cases" beside the ATS and national medians.
        var stepRows = await page.Locator(".grid-table[data-panel='casework-steps'] tbody tr").CountAsync();
        Assert.True(stepRows > 0);
        Assert.Equal(stepRows, await page.Locator(".grid-table[data-panel='casework-steps'] tbody td[data-col='own']").CountAsync());

        Assert.Equal(403, (await page.GotoAsync($"/casework?ats={other}"))!.Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"/api/panels/casework-workload.csv?ats={other}")).Status);
        Assert.Equal(403, (await page.GotoAsync("/planner"))!.Status);
        var csv = await (await page.APIRequest.GetAsync("/api/panels/casework-workload.csv")).TextAsync();
        Assert.Equal(2, csv.Trim().Split('\n').Count(l => !l.StartsWith('#')));   // header and the one case manager
    }
}
