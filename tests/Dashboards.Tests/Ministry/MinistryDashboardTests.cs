using Microsoft.Playwright;
using Monitoring.DataDir.FollowUp;

namespace Monitoring.Tests.Dashboards.Ministry;

[Collection("app")]
public sealed class MinistryDashboardTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Fact]
    public async Task Headline_tiles_show_the_warehouse_national_values_of_the_latest_month()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var expected = Expected.Rows(db, $"""
            select v.indicator_id, v.value, c.unit, c.kind from indicator_values v join indicator_catalogue c using (indicator_id)
            where v.level = 'national' and v.month = '{month}' and v.value is not null
            """);
        Assert.NotEmpty(expected);

        var page = await app.SignedInAsync("ministry");
        Assert.EndsWith("/ministry", page.Url);
        await DashboardsApp.ScreenshotAsync(page, "ministry");
        foreach (var row in expected)
        {
            var id = (string)row["indicator_id"]!;
            var shown = await page.Locator($".tile[data-indicator='{id}'] .tile-value").InnerTextAsync();
            Assert.Equal(Expected.Format(Expected.D(row["value"])!.Value, (string)row["unit"]!, (string)row["kind"]!), shown.Trim());
        }
        Assert.Contains(FirstContact.ReaderNumbers.Month(month, "it"), await page.Locator("#h-headlines").InnerTextAsync());
    }

    [Fact]
    public async Task Red_flags_are_listed_alarm_first_and_follow_up_survives_a_reload()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var flags = Expected.Rows(db, $"select indicator_id, ats_code, severity from flags where month = '{month}' and severity in ('alarm','warning')");
        Assert.NotEmpty(flags);

        var page = await app.SignedInAsync("ministry");
        var rows = page.Locator(".grid-table[data-panel='ministry-flags'] tbody tr");
        Assert.Equal(flags.Count, await rows.CountAsync());
        var severities = await page.Locator(".grid-table[data-panel='ministry-flags'] tbody td[data-col='severity']").AllInnerTextsAsync();
        // Italian by default: "avviso" (warning), "allarme" (alarm).
        var firstWarning = severities.ToList().IndexOf("avviso");
        if (firstWarning >= 0) Assert.DoesNotContain("allarme", severities.Skip(firstWarning));
        Assert.All(severities, s => Assert.Contains(s, new[] { "avviso", "allarme" }));

        // Set the first flag's follow-up and reload: the register (outside the snapshot) keeps it.
        var first = rows.First;
        var ats = await first.Locator("td[data-col='ats']").InnerTextAsync();
        var indicator = await first.GetAttributeAsync("data-key");
        await first.Locator("select[name='status']").SelectOptionAsync("contacted");
        await first.Locator("input[name='notes']").FillAsync("regional office called");
        await first.Locator("button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ReloadAsync();
        var again = page.Locator($".grid-table[data-panel='ministry-flags'] tbody tr:has(td[data-col='ats']:text-is('{ats}'))").First;
        Assert.Equal("contattato", await again.Locator("td[data-col='status']").InnerTextAsync());
        // The status is the flag episode's (it carries to the episode's later months), set by the signed-in user.
        var stored = new FollowUpRegister(app.DataDir).ForMonth(indicator!, ats, month);
        Assert.NotNull(stored);
        Assert.Equal(FollowUpStatus.Contacted, stored!.Status);
        Assert.Equal("regional office called", stored.Notes);
        Assert.Equal("demo:ministry", stored.UpdatedById);
    }

    [Fact]
    public async Task One_click_lists_only_underperformers_on_cases_processed_per_case_manager()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var n = Expected.Scalar<long>(db, $"select count(*) from flags where month = '{month}' and severity in ('alarm','warning') and indicator_id = 'cases_processed_per_case_manager'");

        var page = await app.SignedInAsync("ministry");
        await page.ClickAsync("a.one-click");
        await page.WaitForURLAsync(u => u.Contains("indicator="));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("indicator=cases_processed_per_case_manager", page.Url);
        var ids = await page.Locator(".grid-table[data-panel='ministry-flags'] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)");
        Assert.Equal(n, ids.Length);
        Assert.All(ids, id => Assert.Equal("cases_processed_per_case_manager", id));
    }

    [Fact]
    public async Task Funnel_plot_draws_a_chart_and_its_table_has_every_ats_with_limits()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var n = Expected.Scalar<long>(db, $"select count(*) from indicator_values where level = 'ats' and indicator_id = 'cases_processed_per_case_manager' and month = '{month}' and denominator > 0");

        var page = await app.SignedInAsync("ministry");
        await page.Locator("#chart-funnel .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        Assert.Equal(n, await page.Locator(".grid-table[data-panel='ministry-funnel'] tbody tr").CountAsync());
        // The table sits in a collapsed <details> (one row per ATS): its text is there, not rendered.
        var lower = await page.Locator(".grid-table[data-panel='ministry-funnel'] tbody td[data-col='lower_alarm']").AllTextContentsAsync();
        Assert.All(lower, l => Assert.False(string.IsNullOrWhiteSpace(l)));
    }

    [Fact]
    public async Task Drill_down_goes_region_to_ats_to_trend()
    {
        using var db = app.Warehouse();
        var region = Expected.Scalar<string>(db, "select min(region_code) from dim_ats");
        var atsInRegion = Expected.Scalar<long>(db, $"select count(*) from dim_ats where region_code = '{region}'");

        var page = await app.SignedInAsync("ministry");
        await page.ClickAsync($".grid-table[data-panel='ministry-heat'] tr[data-key='{region}'] a");
        await Assertions.Expect(page.Locator(".grid-table[data-panel='ministry-drill']")).ToBeVisibleAsync();
        Assert.Contains($"region={region}", page.Url);
        Assert.Equal(atsInRegion, await page.Locator(".grid-table[data-panel='ministry-drill'] tbody tr").CountAsync());
        await page.Locator(".grid-table[data-panel='ministry-drill'] tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".grid-table[data-panel='trend']")).ToBeVisibleAsync();
        Assert.Contains("ats=", page.Url);
        await page.Locator("#chart-trend .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        Assert.True(await page.Locator(".grid-table[data-panel='trend'] tbody tr").CountAsync() > 1);
    }

    [Fact]
    public async Task The_ministry_may_not_open_case_manager_level_data()
    {
        var page = await app.SignedInAsync("ministry");
        var response = await page.GotoAsync("/casework");
        Assert.Equal(403, response!.Status);
        var api = await page.APIRequest.GetAsync("/api/panels/casework-workload.csv");
        Assert.Equal(403, api.Status);
    }
}
