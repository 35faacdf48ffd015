using Bunit;
using Monitoring.Dashboards.Components.Shared;
using Monitoring.Dashboards.Queries;
using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Tests.Dashboards.Public;

/// <summary>Disclosure control as the public table renders it: cells protected by the one rule set, written by the page's mapping.</summary>
public sealed class DisclosureTableTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    private Func<string, string, string> RenderPublic(double total, double[] regionCounts, (double Value, double Den)[] regionRates)
    {
        const string month = "2025-03";
        var regions = regionCounts.Select((_, i) => $"R{i}").ToList();
        var values = new List<PublicCellValue>
        {
            new(new("open_cases", "national", "IT", month), total, null),
            new(new("plan_within_90_days", "national", "IT", month), 0.5, 400),
        };
        values.AddRange(regions.Select((r, i) => new PublicCellValue(new("open_cases", "region", r, month), regionCounts[i], null)));
        values.AddRange(regions.Select((r, i) => new PublicCellValue(new("plan_within_90_days", "region", r, month), regionRates[i].Value, regionRates[i].Den)));
        var cells = PublicDisclosure.Protect(new PublicCellInputs(
            [new("open_cases", IsCount: true), new("plan_within_90_days", IsCount: false, MinDenominator: 20)], values, regions, new Dictionary<string, string>()));
        object?[] Row(string code) => [code,
            PublicCellText.Shown(cells.Get("open_cases", code == "IT" ? "national" : "region", code, month)),
            PublicCellText.Shown(cells.Get("plan_within_90_days", code == "IT" ? "national" : "region", code, month))];
        var grid = new Grid("public-test", [new("region", "Region"), new("open_cases", "Open cases", "count"), new("plan", "Plan", "percent")],
            regions.Prepend("IT").Select(Row).ToList());
        var cut = _ctx.Render<GridTable>(p => p.Add(x => x.Grid, grid).Add(x => x.Caption, "test").Add(x => x.Lang, "en"));
        return (row, col) => cut.Find($"tr[data-key='{row}'] [data-col='{col}']").TextContent.Trim();
    }

    [Fact]
    public void A_small_count_is_shown_as_less_than_10_and_one_more_cell_hides_it_from_subtraction()
    {
        var cell = RenderPublic(total: 347, regionCounts: [7, 40, 300], regionRates: [(0.5, 100), (0.25, 19), (0.6, 20)]);
        Assert.Equal("347", cell("IT", "open_cases"));
        Assert.Equal("<10", cell("R0", "open_cases"));
        Assert.Equal("n.p.", cell("R1", "open_cases"));   // secondary: 347 − 300 − 40 would give the 7 away
        Assert.Equal("300", cell("R2", "open_cases"));
        Assert.Equal("50.0%", cell("R0", "plan"));
        Assert.Equal("n.p.", cell("R1", "plan"));         // denominator 19 < 20
        Assert.Equal("n.p.", cell("R2", "plan"));         // secondary: the only other hidden rate under a published total
    }

    [Fact]
    public void Two_small_counts_whose_sum_reaches_the_threshold_protect_each_other_and_nothing_more_is_hidden()
    {
        var cell = RenderPublic(total: 515, regionCounts: [3, 8, 504], regionRates: [(0.1, 50), (0.2, 50), (0.3, 50)]);
        Assert.Equal("<10", cell("R0", "open_cases"));
        Assert.Equal("<10", cell("R1", "open_cases"));
        Assert.Equal("504", cell("R2", "open_cases"));
    }

    [Fact]
    public void Two_small_counts_that_sum_below_the_threshold_get_a_third_so_the_hidden_mass_is_not_itself_small()
    {
        // 3 + 4 = 7: a reader knows each is at most 7, less than "<10" hides. The smallest cell that closes the gap goes too.
        var cell = RenderPublic(total: 531, regionCounts: [3, 4, 24, 500], regionRates: [(0.1, 50), (0.2, 50), (0.3, 50), (0.3, 50)]);
        Assert.Equal("<10", cell("R0", "open_cases"));
        Assert.Equal("<10", cell("R1", "open_cases"));
        Assert.Equal("n.p.", cell("R2", "open_cases"));
        Assert.Equal("500", cell("R3", "open_cases"));
    }

    public void Dispose() => _ctx.Dispose();
}
