using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Maps;

/// <summary>
/// The choropleth of the 20 regions (issue 16) in headless Chromium on the real app, over the tiny-italy preset (every
/// region, few households: disclosure control hides cells). The regions are counted against ISTAT's own list, the
/// map's values against the public table, the warehouse and the map's own table, suppressed cells must be suppressed in
/// both, each region must be reachable by keyboard with its name and value, and a region must lead to its ATS.
/// </summary>
[Collection("maps")]
public sealed class RegionMapTests(ItalyMapsApp app) : BrowserTest(app.Windows)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record MapRegion(string Region, string Status, string Text, string? Class, string Label);

    /// <summary>The 20 ISTAT region codes, read from the reference list the product ships (not from the app).</summary>
    private static HashSet<string> IstatRegions() => File.ReadLines(Path.Combine(Artifacts.RepoRoot, "reference", "istat-municipalities-2020.csv"))
        .Skip(1).Select(l => l.Split(';')[5]).ToHashSet();

    private static async Task<List<MapRegion>> MapRegionsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('svg.region-map a.map-region')].map(a => ({
                region: a.dataset.region, status: a.dataset.status, text: a.dataset.text, cls: a.dataset.class ?? null,
                label: a.getAttribute('aria-label') }))
            """);
        return json.EnumerateArray().Select(e => new MapRegion(e.GetProperty("region").GetString()!, e.GetProperty("status").GetString()!,
            e.GetProperty("text").GetString()!, e.GetProperty("cls").GetString(), e.GetProperty("label").GetString()!)).ToList();
    }

    private static async Task<string> CellAsync(IPage page, string panel, string key, string col)
        => (await page.Locator($".grid-table[data-panel='{panel}'] tr[data-key='{key}'] [data-col='{col}']").InnerTextAsync()).Trim();

    /// <summary>A table's cells by row key and column key, read in one call (the page is static: nothing changes under it).</summary>
    private static async Task<Dictionary<(string Row, string Col), string>> TableAsync(IPage page, string panel)
    {
        var json = await page.EvaluateAsync<JsonElement>($$"""
            () => [...document.querySelectorAll(".grid-table[data-panel='{{panel}}'] tbody tr")].flatMap(tr =>
                [...tr.querySelectorAll('[data-col]')].map(c => [tr.dataset.key, c.dataset.col, c.innerText.trim()]))
            """);
        return json.EnumerateArray().ToDictionary(e => (e[0].GetString()!, e[1].GetString()!), e => e[2].GetString()!);
    }

    [Fact]
    public async Task Public_map_draws_every_region_once_with_the_public_tables_numbers_and_the_same_cells_suppressed()
    {
        var istat = IstatRegions();
        Assert.Equal(20, istat.Count);
        using var db = app.Warehouse();
        var indicators = Expected.Rows(db, "select indicator_id from indicator_catalogue where is_public order by indicator_id").Select(r => (string)r["indicator_id"]!).ToList();
        Assert.NotEmpty(indicators);
        var page = await app.WindowAsync(null);
        int suppressed = 0, shown = 0;
        foreach (var indicator in indicators)
        {
            await page.GotoAsync($"/public?indicator={indicator}");
            var regions = await MapRegionsAsync(page);
            // All 20 regions, each drawn exactly once, under its ISTAT code.
            Assert.Equal(20, regions.Count);
            Assert.True(istat.SetEquals(regions.Select(r => r.Region)), string.Join(",", regions.Select(r => r.Region)));
            var headlines = await TableAsync(page, "public-headlines");
            var mapTable = await TableAsync(page, "public-map");
            foreach (var r in regions)
            {
                // An indicator the month cannot measure yet has no column in the public table: no region may show it.
                var table = headlines.GetValueOrDefault((r.Region, indicator), "");
                // The map shows what the public table shows: the number, or the same "<10" / "n.p." and a hatched region.
                Assert.Equal(table, mapTable[(r.Region, "value")]);
                switch (r.Status)
                {
                    case "shown":
                        shown++;
                        Assert.Equal(table, r.Text);
                        Assert.NotNull(r.Class);
                        break;
                    case "suppressed":
                        suppressed++;
                        Assert.True(table is "<10" or "n.p.", $"{indicator} {r.Region}: map hides '{table}'");
                        Assert.StartsWith(table, r.Text);
                        Assert.Null(r.Class);
                        break;
                    default:
                        Assert.Equal("no_data", r.Status);
                        Assert.Equal("", table);
                        break;
                }
                Assert.StartsWith(mapTable[(r.Region, "region")] + ": ", r.Label);
            }
            // The legend always says why a region may be hatched.
            Assert.Equal(1, await page.Locator(".map-legend li[data-status='suppressed']").CountAsync());
        }
        Assert.True(shown > 0, "some public cell shown on a map");
        Assert.True(suppressed > 0, "some public cell suppressed on a map: the tiny-italy preset has small regions");
        await DashboardsApp.ScreenshotAsync(page, "public-map");
    }

    [Fact]
    public async Task Ministry_map_shows_every_regions_value_in_its_class_and_leads_to_the_regions_ats()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var indicator = "cases_processed_per_case_manager";
        var info = Expected.Rows(db, $"select unit, kind from indicator_catalogue where indicator_id = '{indicator}'").Single();
        var values = Expected.Rows(db, $"""
            select territory_code, value from indicator_values where indicator_id = '{indicator}' and level = 'region' and month = '{month}'
            """).ToDictionary(r => (string)r["territory_code"]!, r => Expected.D(r["value"]));
        var page = await app.WindowAsync("ministry");
        await page.GotoAsync($"/ministry?indicator={indicator}");
        var regions = await MapRegionsAsync(page);
        Assert.Equal(20, regions.Count);
        Assert.Equal(20, regions.Select(r => r.Region).Distinct().Count());
        var legend = await page.Locator(".map-legend li[data-class]").EvaluateAllAsync<JsonElement>(
            "els => els.map(e => ({ k: e.dataset.class, min: e.dataset.min, max: e.dataset.max }))");
        var classes = legend.EnumerateArray().ToDictionary(e => e.GetProperty("k").GetString()!,
            e => (Min: double.Parse(e.GetProperty("min").GetString()!, Inv), Max: double.Parse(e.GetProperty("max").GetString()!, Inv)));
        Assert.InRange(classes.Count, 1, 5);
        foreach (var r in regions)
        {
            if (values.GetValueOrDefault(r.Region) is double v)
            {
                Assert.Equal("shown", r.Status);
                Assert.Equal(Expected.Format(v, (string)info["unit"]!, (string)info["kind"]!), r.Text);
                Assert.Equal(r.Text, await CellAsync(page, "ministry-map", r.Region, "value"));
                var (min, max) = classes[r.Class!];
                Assert.InRange(v, min, max);
            }
            else Assert.Equal("no_data", r.Status);
        }

        // Clicking Campania drills down to its ATS.
        var ats = Expected.Scalar<long>(db, "select count(*) from dim_ats where region_code = '15'");
        await page.Locator("svg.region-map a[data-region='15']").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("region=15"));
        Assert.Contains("#drill", page.Url);
        Assert.Equal(ats, await page.Locator(".grid-table[data-panel='ministry-drill'] tbody tr").CountAsync());
        await DashboardsApp.ScreenshotAsync(page, "ministry-map");
    }

    [Fact]
    public async Task Each_region_is_reached_by_keyboard_named_with_its_value_and_enter_opens_it()
    {
        var page = await app.WindowAsync(null);
        await page.GotoAsync("/public");
        var regions = await MapRegionsAsync(page);
        var reached = new List<string>();
        // From the last link before the map (the headlines' CSV link), Tab goes through every region of the map in order,
        // each announced with its name and value.
        await page.FocusAsync(".grid-table[data-panel='public-headlines'] .csv-link a");
        for (var i = 0; i < 40 && reached.Count < 20; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>(
                "() => { const a = document.activeElement; return a && a.matches('a.map-region') ? [a.dataset.region, a.getAttribute('aria-label')] : null; }");
            if (focused.ValueKind != JsonValueKind.Array) continue;
            var code = focused[0].GetString()!;
            Assert.Equal(regions.Single(r => r.Region == code).Label, focused[1].GetString());
            reached.Add(code);
        }
        Assert.Equal(regions.Select(r => r.Region), reached);
        // Enter on the last focused region (Sardegna) opens its page.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("region=20"));
    }

    [Fact]
    public async Task Planner_map_shows_the_planners_region_and_only_public_cells_of_the_others()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var page = await app.WindowAsync("planner_region");
        // A non-public indicator: the planner's own region, the others outside the scope.
        const string privateOne = "cases_processed_per_case_manager";
        Assert.False(Expected.Scalar<bool>(db, $"select is_public from indicator_catalogue where indicator_id = '{privateOne}'"));
        await page.GotoAsync($"/planner?indicator={privateOne}");
        var regions = await MapRegionsAsync(page);
        Assert.Equal(20, regions.Count);
        Assert.All(regions.Where(r => r.Region != "15"), r => Assert.Equal("outside_scope", r.Status));
        var own = Expected.Scalar<double>(db, $"select value from indicator_values where indicator_id = '{privateOne}' and level = 'region' and territory_code = '15' and month = '{month}'");
        Assert.Equal(Expected.Format(own, "ratio", "ratio"), regions.Single(r => r.Region == "15").Text);
        Assert.EndsWith("#h-region-ats", await page.Locator("svg.region-map a[data-region='15']").GetAttributeAsync("href"));
        Assert.StartsWith("/public?", await page.Locator("svg.region-map a[data-region='01']").GetAttributeAsync("href"));

        // A public indicator: the other regions exactly as the public map shows them.
        var publicOne = Expected.Scalar<string>(db, "select min(indicator_id) from indicator_catalogue where is_public");
        await page.GotoAsync($"/planner?indicator={publicOne}");
        var planner = await MapRegionsAsync(page);
        var visitor = await app.WindowAsync(null);
        await visitor.GotoAsync($"/public?indicator={publicOne}");
        var publicMap = (await MapRegionsAsync(visitor)).ToDictionary(r => r.Region);
        foreach (var r in planner.Where(r => r.Region != "15"))
            Assert.Equal((publicMap[r.Region].Status, publicMap[r.Region].Text), (r.Status, r.Text));
        await DashboardsApp.ScreenshotAsync(page, "planner-map");
    }

    [Theory]
    [InlineData(null, "/public")]
    [InlineData("ministry", "/ministry")]
    [InlineData("planner_region", "/planner?lang=en")]
    [InlineData("planner_ats", "/planner")]
    public async Task Pages_with_a_map_have_no_serious_or_critical_axe_violations(string? user, string path)
    {
        var page = await app.WindowAsync(user);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(20, await page.Locator("svg.region-map a.map-region").CountAsync());
        // The map and the what-if only: the whole pages are AccessibilityTests' (on a smaller preset; axe over this preset's
        // long planner page takes minutes on a busy machine).
        var bad = new List<string>();
        foreach (var part in new[] { ".map-panel", "#whatif" })
        {
            if (await page.Locator(part).CountAsync() == 0) continue;
            var result = await page.Locator(part).RunAxe();
            bad.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{part} {v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html[..Math.Min(200, n.Html.Length)]))}"));
        }
        Assert.True(bad.Count == 0, $"{path}: " + string.Join("\n", bad));
    }

    [Fact]
    public async Task Map_csvs_are_refused_outside_their_scope()
    {
        var visitor = await app.WindowAsync(null);
        Assert.Equal(200, (await visitor.APIRequest.GetAsync("/api/panels/public-map.csv")).Status);
        Assert.Equal(403, (await visitor.APIRequest.GetAsync("/api/panels/public-map.csv?indicator=cases_processed_per_case_manager")).Status);
        Assert.Equal(403, (await visitor.APIRequest.GetAsync("/api/panels/public-map.csv?ats=ATS-15-001")).Status);
        Assert.Equal(403, (await visitor.APIRequest.GetAsync("/api/panels/ministry-map.csv")).Status);
        Assert.Equal(403, (await visitor.APIRequest.GetAsync("/api/panels/planner-map.csv")).Status);
        var planner = await app.WindowAsync("planner_region");
        Assert.Equal(403, (await planner.APIRequest.GetAsync("/api/panels/ministry-map.csv")).Status);
        var csv = await (await planner.APIRequest.GetAsync("/api/panels/planner-map.csv?indicator=cases_processed_per_case_manager")).TextAsync();
        // Other regions' non-public values never reach the planner's file.
        var rows = csv.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(20, rows.Count);
        Assert.All(rows.Where(r => r[0] != "15"), r => Assert.Equal(("", "outside_scope"), (r[2], r[3])));
        var cm = await app.WindowAsync("case_manager");
        Assert.Equal(403, (await cm.APIRequest.GetAsync("/api/panels/planner-map.csv")).Status);
        Assert.Equal(403, (await cm.APIRequest.GetAsync("/api/panels/ministry-map.csv")).Status);
    }
}
