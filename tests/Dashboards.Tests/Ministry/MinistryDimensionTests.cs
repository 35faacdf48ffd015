using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Ministry;

/// <summary>
/// The Ministry's indicator-by-dimension panel and targets (issue 14) through the real app in Chromium: the national
/// members of a ratio beside the total against the test's own SQL, one bar per member, and the catalogue's targets
/// beside the headline values.
/// </summary>
[Collection("app-pages")]
public sealed class MinistryDimensionTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Fact]
    public async Task Ministry_sees_a_rate_by_pathway_nationally_with_numerator_and_denominator()
    {
        using var db = app.Warehouse();
        var month = ByDimension.LatestMonth(db);
        // The rate published by pathway with the most members holding a value in the month (the test's choice, not the page's).
        var (indicator, format) = Expected.Rows(db, $"""
            select c.indicator_id, c.format from indicator_catalogue c
            join indicator_member_values m on m.indicator_id = c.indicator_id and m.dimension = 'pathway' and m.level = 'national' and m.month = '{month}'
            where c.kind = 'ratio' group by all order by count(m.value) desc, c.indicator_id limit 1
            """).Select(r => ((string)r["indicator_id"]!, (string)r["format"]!)).Single();
        var expected = ByDimension.Members(db, indicator, "pathway", "national", "IT", month);

        var page = await app.SignedInAsync("ministry");
        await page.GotoAsync($"/ministry?indicator={indicator}&dimension=pathway");
        var rows = page.Locator(".grid-table[data-panel='dimension-members'] tbody tr");
        Assert.Equal(expected.Count + 1, await rows.CountAsync());
        for (var i = 0; i < expected.Count; i++)
        {
            var m = expected[i];
            var row = rows.Nth(i);
            Assert.Equal(m.NameIt, (await row.Locator("[data-col='label']").InnerTextAsync()).Trim());
            // A rate of euros (the average payment) has an amount of euros over a count; the rest are counts over counts.
            Assert.Equal(ByDimension.Format(m.Numerator, format == "eur" ? "eur" : "decimal", "it"), (await row.Locator("[data-col='numerator']").InnerTextAsync()).Trim());
            Assert.Equal(ByDimension.Format(m.Denominator, "decimal", "it"), (await row.Locator("[data-col='denominator']").InnerTextAsync()).Trim());
            Assert.Equal(ByDimension.Format(m.Value, format, "it"), (await row.Locator("[data-col='value']").InnerTextAsync()).Trim());
        }
        Assert.Equal(ByDimension.Format(ByDimension.Total(db, indicator, "national", "IT", month), format, "it"),
            (await rows.Nth(expected.Count).Locator("[data-col='value']").InnerTextAsync()).Trim());

        // One bar per member (a member with no value, or zero, is a bar of no height), the total not among them.
        await page.WaitForSelectorAsync("#chart-dimension path.apexcharts-bar-area", new() { State = WaitForSelectorState.Attached, Timeout = 15000 });
        var bars = page.Locator("#chart-dimension path.apexcharts-bar-area");
        Assert.Equal(expected.Count, await bars.CountAsync());
        var heights = new List<double>();
        for (var i = 0; i < expected.Count; i++)
            heights.Add(double.Parse(await bars.Nth(i).GetAttributeAsync("barHeight") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Select(m => m.Value is > 0), heights.Select(h => h > 0));
    }

    [Fact]
    public async Task Headline_tiles_and_table_show_the_catalogues_targets_beside_the_values()
    {
        using var db = app.Warehouse();
        var targets = Expected.Rows(db, "select indicator_id, target_value, target_applies_to, target_it from indicator_catalogue where target_value is not null");
        Assert.NotEmpty(targets);
        var month = ByDimension.LatestMonth(db);
        var page = await app.SignedInAsync("ministry");
        foreach (var t in targets)
        {
            var id = (string)t["indicator_id"]!;
            // An indicator without a national value in the month (censored) has no tile.
            if (ByDimension.Total(db, id, "national", "IT", month) is null) continue;
            var tile = await page.Locator($".tile[data-indicator='{id}'] .tile-target").InnerTextAsync();
            Assert.Contains((string)t["target_it"]!, tile);
            var row = page.Locator($".grid-table[data-panel='ministry-headlines'] tr[data-key='{id}']");
            Assert.Contains((string)t["target_it"]!, await row.Locator("[data-col='target_rule']").TextContentAsync());
            if ((string)t["target_applies_to"]! == "value")
                Assert.Equal(FirstContact.ReaderNumbers.Decimal(Convert.ToDouble(t["target_value"]), "it"),
                    (await row.Locator("[data-col='target']").TextContentAsync())!.Trim());
        }
        // An indicator without a target has none shown.
        var without = Expected.Scalar<string>(db, "select min(indicator_id) from indicator_catalogue where target_value is null");
        Assert.Equal(0, await page.Locator($".tile[data-indicator='{without}'] .tile-target").CountAsync());
    }
}
