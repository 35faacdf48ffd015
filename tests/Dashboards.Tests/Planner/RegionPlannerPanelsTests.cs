using Monitoring.Tests.Dashboards.FirstContact;
using System.Globalization;

namespace Monitoring.Tests.Dashboards.Planner;

/// <summary>
/// The planners' issue-16 panels through the real app: the region's ATS side by side, the ATS planner's peers as an
/// unnamed distribution, staffing in FTE against 1:5,000 / 1:4,000 with the Law 178/2020 contribution, and the
/// budget by fund with the hires it could pay. Expected figures are the test's own SQL and arithmetic.
/// </summary>
[Collection("app-pages")]
public sealed class RegionPlannerPanelsTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Region = "15";

    private static string Month(DuckDB.NET.Data.DuckDBConnection db) => Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");

    /// <summary>Law 178/2020 c. 797 written out again: €40,000 per FTE between 1:6,500 and 1:5,000, €20,000 between 1:5,000 and 1:4,000.</summary>
    private static double Contribution(double population, double fte)
    {
        double lower = population / 6500, essential = population / 5000, target = population / 4000;
        return 40_000 * Math.Min(Math.Max(fte - lower, 0), essential - lower) + 20_000 * Math.Min(Math.Max(fte - essential, 0), target - essential);
    }

    [Fact]
    public async Task Regional_planner_sees_every_ats_side_by_side_staffing_in_fte_and_budget_by_fund()
    {
        using var db = app.Warehouse();
        var month = Month(db);
        var ats = Expected.Rows(db, $"select ats_code from dim_ats where region_code = '{Region}' order by ats_code").Select(r => (string)r["ats_code"]!).ToList();
        Assert.NotEmpty(ats);

        var page = await app.SignedInAsync("planner_region");
        await page.Locator("#chart-region-ats .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        await page.Locator("#chart-ratio .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        await DashboardsApp.ScreenshotAsync(page, "planner-region-issue16");

        // Side by side: every ATS of the region, its value, the regional and national value.
        var side = page.Locator(".grid-table[data-panel='planner-region-ats'] tbody tr");
        Assert.Equal(ats.Count, await side.CountAsync());
        var v = Expected.Rows(db, $"""
            select a.value, r.value as regional, n.value as national from indicator_values a
            join indicator_values r on r.indicator_id = a.indicator_id and r.month = a.month and r.level = 'region' and r.territory_code = '{Region}'
            join indicator_values n on n.indicator_id = a.indicator_id and n.month = a.month and n.level = 'national'
            where a.indicator_id = 'cases_processed_per_case_manager' and a.level = 'ats' and a.territory_code = '{ats[0]}' and a.month = '{month}'
            """).Single();
        var first = page.Locator($".grid-table[data-panel='planner-region-ats'] tr[data-key='{ats[0]}']");
        Assert.Equal(Expected.Format(Convert.ToDouble(v["value"]), "ratio", "ratio"), (await first.Locator("[data-col='value']").InnerTextAsync()).Trim());
        Assert.Equal(Expected.Format(Convert.ToDouble(v["regional"]), "ratio", "ratio"), (await first.Locator("[data-col='regional']").InnerTextAsync()).Trim());
        Assert.Equal(Expected.Format(Convert.ToDouble(v["national"]), "ratio", "ratio"), (await first.Locator("[data-col='national']").InnerTextAsync()).Trim());

        // Staffing in FTE: weekly hours / 36 over case managers active in the month (null hours count 1).
        var staff = Expected.Rows(db, $"""
            select a.ats_code,
                   (select numerator from indicator_values where indicator_id = 'residents_per_case_manager' and level = 'ats' and territory_code = a.ats_code and month = '{month}') as population,
                   (select coalesce(sum(coalesce(weekly_hours / 36.0, 1.0)), 0) from dim_operator o
                     where o.ats_code = a.ats_code and o.role = 'case_manager'
                       and o.active_from <= last_day(cast('{month}-01' as date)) and (o.active_to is null or o.active_to >= cast('{month}-01' as date))) as fte
            from dim_ats a where a.region_code = '{Region}'
            """);
        // The page is Italian by default: numbers as the reader sees them (8,67; € 12.345).
        foreach (var s in staff)
        {
            var tr = page.Locator($".grid-table[data-panel='planner-staffing-fte'] tr[data-key='{s["ats_code"]}']");
            double pop = Expected.D(s["population"]) ?? 0, fte = Convert.ToDouble(s["fte"]);
            Assert.Equal(ReaderNumbers.Decimal(fte, "it"), (await tr.Locator("[data-col='fte']").InnerTextAsync()).Trim());
            Assert.Equal(pop > 0 && fte * 5000 >= pop ? "✓" : "✗", (await tr.Locator("[data-col='meets_5000']").InnerTextAsync()).Trim());
            Assert.Equal(ReaderNumbers.Decimal(Math.Max(0, pop / 5000 - fte), "it"), (await tr.Locator("[data-col='fte_for_5000']").InnerTextAsync()).Trim());
            Assert.Equal("€ " + ReaderNumbers.Count(Contribution(pop, fte), "it"), (await tr.Locator("[data-col='contribution_now']").InnerTextAsync()).Trim());
            Assert.Equal("€ " + ReaderNumbers.Count(Contribution(pop, Math.Max(fte, pop / 5000)), "it"),
                (await tr.Locator("[data-col='contribution_at_5000']").InnerTextAsync()).Trim());
        }

        // Budget by fund and year, with the FTE the money not yet committed could pay for a year at €40,000.
        var budget = Expected.Rows(db, $"""
            select b.ats_code, b.allocated_eur, b.committed_eur from fct_budget b join dim_ats a using (ats_code)
            where a.region_code = '{Region}' order by b.ats_code, b.year, b.fund
            """);
        var budgetRows = page.Locator(".grid-table[data-panel='planner-budget'] tbody tr");
        Assert.Equal(budget.Count, await budgetRows.CountAsync());
        for (var i = 0; i < Math.Min(budget.Count, 5); i++)
        {
            var uncommitted = Math.Max(0, Convert.ToDouble(budget[i]["allocated_eur"]) - (Expected.D(budget[i]["committed_eur"]) ?? 0));
            Assert.Equal(ReaderNumbers.Count(Math.Floor(uncommitted / 40_000), "it"), (await budgetRows.Nth(i).Locator("[data-col='hires_payable']").InnerTextAsync()).Trim());
        }

        // Each panel's CSV has the table's rows.
        foreach (var (panel, rows) in new[] { ("planner-region-ats", ats.Count), ("planner-staffing-fte", ats.Count), ("planner-budget", budget.Count) })
        {
            var csv = await (await page.APIRequest.GetAsync($"/api/panels/{panel}.csv")).TextAsync();
            Assert.Equal(rows + 1, csv.Trim().Split('\n').Count(l => !l.StartsWith('#')));   // header + rows, after the machine-format comment
        }
    }

    [Fact]
    public async Task Ats_planner_sees_its_peers_only_as_an_unnamed_distribution()
    {
        using var db = app.Warehouse();
        var month = Month(db);
        var own = Expected.Scalar<string>(db, $"select min(ats_code) from dim_ats where region_code = '{Region}'");
        var peers = Expected.Rows(db, $"""
            select a.ats_code, v.value from dim_ats a join indicator_values v on v.territory_code = a.ats_code and v.level = 'ats'
            where a.region_code = '{Region}' and a.ats_code <> '{own}' and v.indicator_id = 'cases_processed_per_case_manager' and v.month = '{month}'
              and v.value is not null
            """);
        var page = await app.SignedInAsync("planner_ats");
        var table = page.Locator(".grid-table[data-panel='planner-ats-peers']");
        Assert.Equal(1, await table.Locator("tbody tr").CountAsync());
        Assert.Equal(own, await table.Locator("tbody tr").First.GetAttributeAsync("data-key"));
        Assert.Equal(peers.Count.ToString(), (await table.Locator("[data-col='peers']").InnerTextAsync()).Trim());
        if (peers.Count > 0)
        {
            var values = peers.Select(p => Convert.ToDouble(p["value"])).OrderBy(x => x).ToList();
            Assert.Equal(Expected.Format(values[^1], "ratio", "ratio"), (await table.Locator("[data-col='peer_max']").InnerTextAsync()).Trim());
            Assert.Equal(Expected.Format(values[0], "ratio", "ratio"), (await table.Locator("[data-col='peer_min']").InnerTextAsync()).Trim());
        }
        // No other ATS of the region is named anywhere in the issue-16 panels, nor the side-by-side table shown.
        Assert.Equal(0, await page.Locator(".grid-table[data-panel='planner-region-ats']").CountAsync());
        var panels = string.Join("\n", await page.Locator(".grid-table[data-panel^='planner-']").AllInnerTextsAsync());
        foreach (var p in peers) Assert.DoesNotContain((string)p["ats_code"]!, panels);
    }

    [Fact]
    public async Task Planner_panels_are_refused_outside_the_planners_scope()
    {
        using var db = app.Warehouse();
        // The tiny preset may hold one region only: another region's code is then one with no data (still refused).
        var otherRegion = Expected.Scalar<string>(db, $"select coalesce(min(region_code), '01') from dim_region where region_code <> '{Region}'");
        var own = Expected.Scalar<string>(db, $"select min(ats_code) from dim_ats where region_code = '{Region}'");
        var otherAts = Expected.Scalar<string>(db, $"select max(ats_code) from dim_ats where ats_code <> '{own}'");

        var regional = await app.SignedInAsync("planner_region");
        Assert.Equal(403, (await regional.GotoAsync($"/planner?region={otherRegion}"))!.Status);
        foreach (var p in new[] { "planner-region-ats", "planner-staffing-fte", "planner-budget" })
        {
            Assert.Equal(200, (await regional.APIRequest.GetAsync($"/api/panels/{p}.csv")).Status);
            Assert.Equal(403, (await regional.APIRequest.GetAsync($"/api/panels/{p}.csv?region={otherRegion}")).Status);
        }
        Assert.Equal(403, (await regional.APIRequest.GetAsync("/api/panels/planner-ats-peers.csv")).Status);

        var atsPlanner = await app.SignedInAsync("planner_ats");
        Assert.Equal(403, (await atsPlanner.APIRequest.GetAsync("/api/panels/planner-region-ats.csv")).Status);
        foreach (var p in new[] { "planner-ats-peers", "planner-staffing-fte", "planner-budget" })
        {
            Assert.Equal(200, (await atsPlanner.APIRequest.GetAsync($"/api/panels/{p}.csv")).Status);
            Assert.Equal(403, (await atsPlanner.APIRequest.GetAsync($"/api/panels/{p}.csv?ats={otherAts}")).Status);
        }
        var coordinator = await app.SignedInAsync("coordinator");
        foreach (var p in new[] { "planner-region-ats", "planner-ats-peers", "planner-staffing-fte", "planner-budget" })
            Assert.Equal(403, (await coordinator.APIRequest.GetAsync($"/api/panels/{p}.csv?region={Region}")).Status);
    }
}
