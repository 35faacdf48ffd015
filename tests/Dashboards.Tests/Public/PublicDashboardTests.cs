using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Public;

[Collection("app")]
public sealed class PublicDashboardTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    /// <summary>The disclosure rule as the contract states it: counts &lt; 10 → "&lt;10"; rates with denominator &lt; 20 → not published.</summary>
    private static string Published(double? value, double? denominator, string unit, string kind, double minDenominator)
    {
        if (value is null) return "";
        if (kind == "count") return value < 10 ? "<10" : Expected.Format(value.Value, unit, kind);
        return denominator is null || denominator < Math.Max(20, minDenominator) ? "n.p." : Expected.Format(value.Value, unit, kind);
    }

    [Fact]
    public async Task Public_page_needs_no_login_and_shows_national_values_with_disclosure_control()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var rows = Expected.Rows(db, $"""
            select v.indicator_id, v.value, v.denominator, c.unit, c.kind, c.min_denominator
            from indicator_values v join indicator_catalogue c using (indicator_id)
            where c.is_public and v.level = 'national' and v.month = '{month}'
            """);
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/public");
        Assert.Equal(200, response!.Status);
        // The app runs as Production from its build folder: the Blazor script must still be served.
        Assert.Equal(200, (await page.APIRequest.GetAsync("/_framework/blazor.web.js")).Status);
        await page.Locator("#chart-public-trend .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        await DashboardsApp.ScreenshotAsync(page, "public");
        var national = page.Locator(".grid-table[data-panel='public-headlines'] tr[data-key='IT']");
        var suppressed = 0;
        foreach (var r in rows)
        {
            var expected = Published(Expected.D(r["value"]), Expected.D(r["denominator"]), (string)r["unit"]!, (string)r["kind"]!, Expected.D(r["min_denominator"]) ?? 0);
            if (expected is "<10" or "n.p.") suppressed++;
            Assert.Equal(expected, (await national.Locator($"[data-col='{r["indicator_id"]}']").InnerTextAsync()).Trim());
        }
        Assert.True(suppressed > 0, "the tiny data set should have at least one suppressed public cell");
        // Staffing and case-manager indicators are never public.
        var headers = await page.Locator(".grid-table[data-panel='public-headlines'] thead").InnerTextAsync();
        var staffing = Expected.Scalar<string>(db, "select name_it from indicator_catalogue where indicator_id = 'case_managers_active'");
        Assert.DoesNotContain(staffing, headers);
    }

    [Fact]
    public async Task Csv_download_is_exactly_the_table()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public");
        var cells = await page.Locator(".grid-table[data-panel='public-headlines'] tr[data-key='IT'] td").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".grid-table[data-panel='public-headlines'] .csv-link a"));
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        // The file says first that its numbers are in machine format; the table writes the same values for the reader.
        Assert.StartsWith("# machine format", csv[0]);
        var header = csv.First(l => !l.StartsWith('#')).Split(',');
        var it = csv.Single(l => l.StartsWith("IT,")).Split(',');
        // The table hides region_code and month; every other CSV column is a shown cell, in order.
        var shown = header.Select((h, i) => (h, v: it[i])).Where(x => x.h is not ("region_code" or "month" or "territory"))
            .Select(x => x.h.EndsWith("_eur") && double.TryParse(x.v, System.Globalization.CultureInfo.InvariantCulture, out var eur)
                ? FirstContact.ReaderNumbers.Indicator(eur, "EUR", "ratio", "it")   // euros on screen: "€ 611,90"
                : FirstContact.ReaderNumbers.FromMachine(x.v, "it")).ToList();
        Assert.Equal(cells.Select(c => c.Trim()).ToList(), shown);
    }

    [Fact]
    public async Task Public_requests_for_ats_or_restricted_data_get_403()
    {
        using var db = app.Warehouse();
        var ats = Expected.Scalar<string>(db, "select min(ats_code) from dim_ats");
        var page = await app.NewPageAsync();
        Assert.Equal(403, (await page.GotoAsync($"/public?ats={ats}"))!.Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"/api/panels/public-headlines.csv?ats={ats}")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/public-trend.csv?indicator=case_managers_active")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/ministry-headlines.csv")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/planner-staffing.csv")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/casework-workload.csv")).Status);
        // Dashboards for signed-in roles send an anonymous visitor to sign in.
        await page.GotoAsync("/ministry");
        Assert.Contains("/signin", page.Url);
    }

    [Fact]
    public async Task Language_switch_and_filters_live_in_the_url_and_every_page_names_its_run()
    {
        using var db = app.Warehouse();
        var run = Expected.Rows(db, "select run_id, cast(reference_date as varchar) as d from run_meta")[0];
        var months = Expected.Rows(db, "select distinct month from indicator_values where level = 'national' order by month").Select(r => (string)r["month"]!).ToList();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public");
        Assert.Equal("it", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ClickAsync(".lang-switch a[hreflang='en']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Public data");
        Assert.Contains("lang=en", page.Url);
        await page.SelectOptionAsync("#f-month", months[0]);
        await page.ClickAsync(".filter-bar button[type='submit']");
        await Assertions.Expect(page.Locator("#h-pub-headlines")).ToContainTextAsync(FirstContact.ReaderNumbers.Month(months[0], "en"));
        Assert.Contains($"month={months[0]}", page.Url);
        Assert.Contains("lang=en", page.Url);
        Assert.Contains(FirstContact.ReaderNumbers.Month(months[0], "en"), await page.Locator("#h-pub-headlines").InnerTextAsync());
        var footer = await page.Locator(".run-line").InnerTextAsync();
        Assert.Equal($"data as of {FirstContact.ReaderNumbers.Date((string)run["d"]!, "en")} · run {run["run_id"]}", footer.Trim());
        foreach (var path in new[] { "/glossary", "/signin", "/" })
        {
            await page.GotoAsync(path);
            Assert.Contains((string)run["run_id"]!, await page.Locator(".run-line").InnerTextAsync());
        }
    }

    [Fact]
    public async Task Glossary_lists_the_whole_indicator_catalogue()
    {
        using var db = app.Warehouse();
        var ids = Expected.Rows(db, "select indicator_id from indicator_catalogue").Select(r => (string)r["indicator_id"]!).ToHashSet();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/glossary?lang=en");
        var shown = await page.Locator(".grid-table[data-panel='glossary'] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)");
        Assert.Equal(ids, shown.ToHashSet());
    }
}
