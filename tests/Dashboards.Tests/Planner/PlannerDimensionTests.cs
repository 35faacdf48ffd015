using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Monitoring.Tests.Dashboards.FirstContact;

namespace Monitoring.Tests.Dashboards.Planner;

/// <summary>
/// The planners' indicator-by-dimension panels (issue 14) through the real app in Chromium: the picker's GET form, its
/// table against the test's own SQL on the snapshot, the bar chart, Italian and English, the series by measure with
/// each measure's first month marked, the target line, axe, and the refusals of a tampered parameter.
/// </summary>
[Collection("app-pages")]
public sealed class PlannerDimensionTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private const string Region = "15";
    private static readonly PageWaitForSelectorOptions Drawn = new() { Timeout = 15000 };

    /// <summary>A count indicator of the catalogue published by every dimension (the test picks it, not the page).</summary>
    private static string CountIndicator(DuckDB.NET.Data.DuckDBConnection db) => Expected.Scalar<string>(db, """
        select min(indicator_id) from indicator_catalogue where kind = 'count' and format = 'integer' and dimensions like '%household_size%'
        """);

    [Fact]
    public async Task Regional_planner_picks_an_indicator_and_dimension_and_sees_its_members_beside_the_total()
    {
        using var db = app.Warehouse();
        var month = ByDimension.LatestMonth(db);
        var indicator = CountIndicator(db);
        const string dimension = "household_size";
        var expected = ByDimension.Members(db, indicator, dimension, "region", Region, month);
        var total = ByDimension.Total(db, indicator, "region", Region, month);
        Assert.NotEmpty(expected);

        var page = await app.SignedInAsync("planner_region");
        // The plain GET form: choose, submit, and the choice is in the (bookmarkable) URL.
        await page.SelectOptionAsync("#dim-indicator", indicator);
        await page.SelectOptionAsync("#dim-dimension", dimension);
        await page.ClickAsync("form.dimension-picker button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains($"dimension={dimension}"));
        Assert.Contains($"indicator={indicator}", page.Url);

        var table = page.Locator(".grid-table[data-panel='dimension-members']");
        var rows = table.Locator("tbody tr");
        Assert.Equal(expected.Count + 1, await rows.CountAsync());
        for (var i = 0; i < expected.Count; i++)
        {
            var m = expected[i];
            Assert.Equal(m.Code, await rows.Nth(i).GetAttributeAsync("data-key"));
            Assert.Equal(m.NameIt, (await rows.Nth(i).Locator("[data-col='label']").InnerTextAsync()).Trim());
            Assert.Equal(ByDimension.Format(m.Value, "integer", "it"), (await rows.Nth(i).Locator("[data-col='value']").InnerTextAsync()).Trim());
        }
        var totalCell = (await rows.Nth(expected.Count).Locator("[data-col='value']").InnerTextAsync()).Trim();
        Assert.Equal(ByDimension.Format(total, "integer", "it"), totalCell);
        // A count's members add up to its total: on the page, as the reader would add them.
        var shown = await table.Locator("tbody tr:not(:last-child) [data-col='value']").AllInnerTextsAsync();
        Assert.Equal(ByDimension.ParseItalianCount(totalCell), shown.Sum(ByDimension.ParseItalianCount));

        // The bar chart beside it: one bar per member (the total is not a bar).
        await page.WaitForSelectorAsync("#chart-dimension path.apexcharts-bar-area", new() { State = WaitForSelectorState.Attached, Timeout = 15000 });
        Assert.Equal(expected.Count, await page.Locator("#chart-dimension path.apexcharts-bar-area").CountAsync());

        // The CSV is the same selection.
        var csv = await (await page.APIRequest.GetAsync($"/api/panels/dimension-members.csv?indicator={indicator}&dimension={dimension}")).TextAsync();
        Assert.Equal(expected.Count + 2, csv.Trim().Split('\n').Count(l => !l.StartsWith('#')));
    }

    [Fact]
    public async Task Switching_to_english_changes_the_members_names_and_the_number_format()
    {
        using var db = app.Warehouse();
        var month = ByDimension.LatestMonth(db);
        // A percentage published by sex of the applicant: "42,0 %" in Italian, "42.0%" in English.
        var indicator = Expected.Scalar<string>(db, """
            select min(indicator_id) from indicator_catalogue where format = 'percent' and dimensions like '%applicant_sex%'
            """);
        var expected = ByDimension.Members(db, indicator, "applicant_sex", "region", Region, month);
        var page = await app.SignedInAsync("planner_region");
        foreach (var lang in new[] { "it", "en" })
        {
            await page.GotoAsync($"/planner?indicator={indicator}&dimension=applicant_sex&lang={lang}");
            var rows = page.Locator(".grid-table[data-panel='dimension-members'] tbody tr");
            for (var i = 0; i < expected.Count; i++)
            {
                var m = expected[i];
                Assert.Equal(lang == "en" ? m.NameEn : m.NameIt, (await rows.Nth(i).Locator("[data-col='label']").InnerTextAsync()).Trim());
                Assert.Equal(ByDimension.Format(m.Value, "percent", lang), (await rows.Nth(i).Locator("[data-col='value']").InnerTextAsync()).Trim());
                Assert.Equal(ByDimension.Format(m.Denominator, "decimal", lang), (await rows.Nth(i).Locator("[data-col='denominator']").InnerTextAsync()).Trim());
            }
            var heading = await page.Locator("#h-dimension").InnerTextAsync();
            Assert.Contains(lang == "en" ? "By household characteristic" : "Per caratteristica dei nuclei", heading);
            Assert.Contains(ReaderNumbers.Month(month, lang), heading);
        }
        Assert.NotEqual(expected.Select(m => m.NameIt), expected.Select(m => m.NameEn));
    }

    [Fact]
    public async Task Ats_planner_sees_the_series_by_measure_with_each_measures_start_and_a_target_line()
    {
        using var db = app.Warehouse();
        var own = Expected.Scalar<string>(db, $"select min(ats_code) from dim_ats where region_code = '{Region}'");
        var indicator = Expected.Scalar<string>(db, "select indicator_id from indicator_catalogue where dashboard_roles like '%dimension_default%'");
        // The first month each measure has households in the ATS: the test's own query.
        var starts = Expected.Rows(db, $"""
            select member, min(month) as first_month from indicator_member_values
            where indicator_id = '{indicator}' and dimension = 'measure' and level = 'ats' and territory_code = '{own}'
              and coalesce(denominator, numerator) > 0
            group by member order by first_month
            """);
        Assert.NotEmpty(starts);

        var page = await app.SignedInAsync("planner_ats");
        await page.WaitForSelectorAsync("#chart-measure .apexcharts-canvas", Drawn);
        var marks = page.Locator("#chart-measure .apexcharts-xaxis-annotations line");
        Assert.Equal(starts.Count, await marks.CountAsync());
        var labels = string.Join("|", await page.Locator("#chart-measure .apexcharts-xaxis-annotations text").AllTextContentsAsync());
        foreach (var s in starts) Assert.Contains((string)s["member"]!, labels);
        // One line per measure and the total, and the table beside it names every measure.
        Assert.Equal(5, await page.Locator("#chart-measure .apexcharts-line-series .apexcharts-series").CountAsync());

        // A catalogue target on the indicator's value is drawn as a line on the trend (here the 1:5,000 essential level).
        var withTarget = Expected.Rows(db, "select indicator_id, target_value from indicator_catalogue where target_value is not null and target_applies_to = 'value'").First();
        await page.GotoAsync($"/planner?indicator={withTarget["indicator_id"]}");
        await page.WaitForSelectorAsync("#chart-compare .apexcharts-yaxis-annotations", Drawn);
        var target = await page.Locator("#chart-compare .apexcharts-yaxis-annotations").TextContentAsync();
        Assert.Contains(ReaderNumbers.Decimal(Convert.ToDouble(withTarget["target_value"]), "it"), target);
    }

    [Fact]
    public async Task A_tampered_parameter_is_refused()
    {
        using var db = app.Warehouse();
        var own = Expected.Scalar<string>(db, $"select min(ats_code) from dim_ats where region_code = '{Region}'");
        var otherAts = Expected.Scalar<string>(db, $"select max(ats_code) from dim_ats where ats_code <> '{own}'");
        var otherRegion = Expected.Scalar<string>(db, $"select coalesce(min(region_code), '01') from dim_region where region_code <> '{Region}'");

        var ats = await app.SignedInAsync("planner_ats");
        Assert.Equal(200, (await ats.APIRequest.GetAsync("/api/panels/dimension-members.csv")).Status);
        Assert.Equal(403, (await ats.GotoAsync($"/planner?ats={otherAts}&dimension=measure"))!.Status);
        Assert.Equal(403, (await ats.APIRequest.GetAsync($"/api/panels/dimension-members.csv?ats={otherAts}")).Status);
        Assert.Equal(403, (await ats.APIRequest.GetAsync($"/api/panels/measure-trend.csv?region={otherRegion}")).Status);
        Assert.Equal(403, (await ats.APIRequest.GetAsync("/api/panels/dimension-members.csv?indicator=no_such_indicator")).Status);
        var bad = await ats.APIRequest.GetAsync("/api/panels/dimension-members.csv?dimension=no_such_dimension");
        Assert.Equal(400, bad.Status);
        Assert.Contains("dimension", await bad.TextAsync());
        Assert.Equal(400, (await ats.GotoAsync("/planner?dimension=no_such_dimension"))!.Status);

        var regional = await app.SignedInAsync("planner_region");
        Assert.Equal(403, (await regional.GotoAsync($"/planner?region={otherRegion}&dimension=measure"))!.Status);
        Assert.Equal(403, (await regional.APIRequest.GetAsync($"/api/panels/dimension-members.csv?region={otherRegion}")).Status);
        Assert.Equal(200, (await regional.APIRequest.GetAsync($"/api/panels/dimension-members.csv?ats={own}")).Status);
        // The public is refused both panels.
        var anonymous = await app.NewPageAsync();
        Assert.Equal(403, (await anonymous.APIRequest.GetAsync("/api/panels/dimension-members.csv")).Status);
    }

    [Fact]
    public async Task Dimension_panels_have_no_serious_or_critical_axe_violations()
    {
        var page = await app.SignedInAsync("planner_region");
        await page.GotoAsync("/planner?dimension=measure");
        await page.WaitForSelectorAsync("#chart-dimension .apexcharts-canvas", Drawn);
        var bad = new List<string>();
        foreach (var part in new[] { "#dimension", "#measure" })
        {
            var result = await page.Locator(part).RunAxe();
            bad.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{part} {v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html[..Math.Min(200, n.Html.Length)]))}"));
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }
}
