namespace Monitoring.Tests.Dashboards.Planner;

[Collection("app-pages")]
public sealed class PlannerDashboardTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private static string FirstAts(DuckDB.NET.Data.DuckDBConnection db, string region)
        => Expected.Scalar<string>(db, $"select min(ats_code) from dim_ats where region_code = '{region}'");

    [Fact]
    public async Task Ats_planner_sees_its_ats_against_region_and_nation_month_by_month()
    {
        using var db = app.Warehouse();
        var region = Expected.Scalar<string>(db, "select min(region_code) from dim_ats where region_code = '15'") ?? "15";
        var ats = FirstAts(db, region);
        var expected = Expected.Rows(db, $"""
            select n.month, a.value as ats, r.value as region, n.value as national
            from indicator_values n
            left join indicator_values a on a.indicator_id = n.indicator_id and a.month = n.month and a.level = 'ats' and a.territory_code = '{ats}'
            left join indicator_values r on r.indicator_id = n.indicator_id and r.month = n.month and r.level = 'region' and r.territory_code = '{region}'
            where n.indicator_id = 'cases_processed_per_case_manager' and n.level = 'national'
            order by n.month
            """);

        var page = await app.SignedInAsync("planner_ats");
        Assert.EndsWith("/planner", page.Url);
        await page.Locator("#chart-compare .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        await DashboardsApp.ScreenshotAsync(page, "planner-ats");
        Assert.Equal(ats, await page.Locator(".territory").GetAttributeAsync("data-code"));
        foreach (var row in expected)
        {
            var tr = page.Locator($".grid-table[data-panel='trend'] tr[data-key='{row["month"]}']");
            foreach (var (col, key) in new[] { ("territory", "ats"), ("region", "region"), ("national", "national") })
            {
                var v = Expected.D(row[key]);
                Assert.Equal(v is null ? "" : Expected.Format(v.Value, "cases per case manager", "ratio"), (await tr.Locator($"[data-col='{col}']").InnerTextAsync()).Trim());
            }
        }
    }

    [Fact]
    public async Task Staffing_planner_starts_from_the_warehouse_figures()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var ats = FirstAts(db, "15");
        double Num(string id) => Expected.D(Expected.Rows(db, $"select numerator from indicator_values where indicator_id = '{id}' and level = 'ats' and territory_code = '{ats}' and month = '{month}'")[0]["numerator"]) ?? 0;
        var cms = Num("case_managers_active");
        var population = Num("residents_per_case_manager");
        var households = Num("households_paid");

        var page = await app.SignedInAsync("planner_ats");
        string Cell(string key) => page.Locator($".grid-table[data-panel='planner-staffing'] tr[data-key='{key}'] td[data-col='value']").InnerTextAsync().Result.Trim();
        // Written for the Italian reader (13.961; 12,5): FirstContact/ReaderNumbers.
        Assert.Equal(FirstContact.ReaderNumbers.Count(population, "it"), Cell("population"));
        Assert.Equal(FirstContact.ReaderNumbers.Decimal(cms, "it"), Cell("case_managers"));
        Assert.Equal(FirstContact.ReaderNumbers.Count(households, "it"), Cell("households"));
        // 1 per 5,000: whole people needed beyond today's staff.
        Assert.Equal(FirstContact.ReaderNumbers.Count(Math.Max(0, Math.Ceiling(population / 5000 - cms)), "it"), Cell("more_for_5000"));
        Assert.Equal(FirstContact.ReaderNumbers.Count(Math.Max(0, Math.Ceiling(population / 4000 - cms)), "it"), Cell("more_for_4000"));
    }

    [Fact]
    public async Task Changing_the_url_to_another_ats_or_region_is_refused_with_403()
    {
        using var db = app.Warehouse();
        var own = FirstAts(db, "15");
        var other = Expected.Scalar<string>(db, $"select max(ats_code) from dim_ats where ats_code <> '{own}'");

        var page = await app.SignedInAsync("planner_ats");
        var response = await page.GotoAsync($"/planner?ats={other}");
        Assert.Equal(403, response!.Status);
        await DashboardsApp.ScreenshotAsync(page, "planner-ats-403");
        Assert.Equal(403, (await page.APIRequest.GetAsync($"/api/panels/trend.csv?ats={other}")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"/api/panels/planner-staffing.csv?ats={other}")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/ministry-flags.csv")).Status);
        Assert.Equal(200, (await page.APIRequest.GetAsync($"/api/panels/trend.csv?ats={own}")).Status);

        var regional = await app.SignedInAsync("planner_region");
        Assert.Equal(403, (await regional.GotoAsync("/planner?region=01"))!.Status);
        Assert.Equal(200, (await regional.GotoAsync($"/planner?ats={other}"))!.Status);
        Assert.Contains("403 scope violation", app.AppLog());
    }
}
