using Bunit;
using Monitoring.Dashboards.Components.Shared;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Tests.Dashboards;

/// <summary>Disclosure control as the public table renders it.</summary>
public sealed class DisclosureTableTests : IDisposable
{
    private readonly BunitContext _ctx = new();
    private static readonly IndicatorInfo Count = new("open_cases", "Casi aperti", "Open cases", "", "", "activity", "inclusion", "cases", true, 0, true, "count");
    private static readonly IndicatorInfo Rate = new("plan_within_90_days", "Patto", "Plan", "", "", "output", "inclusion", "share", true, 20, true, "ratio");

    private Func<string, string, string> RenderPublic(double total, double[] regionCounts, (double Value, double Den)[] regionRates)
    {
        var counts = DisclosureControl.SecondarySuppression(regionCounts.Select(c => (double?)c).ToList(), total);
        var rows = new List<object?[]> { new object?[] { "IT", DisclosureControl.Cell(Count, total, null), DisclosureControl.Cell(Rate, 0.5, 400) } };
        rows.AddRange(regionCounts.Select((_, i) => new object?[] { $"R{i}", counts[i], DisclosureControl.Cell(Rate, regionRates[i].Value, regionRates[i].Den) }));
        var grid = new Grid("public-test", [new("region", "Region"), new("open_cases", "Open cases", "count"), new("plan", "Plan", "percent")], rows);
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
        Assert.Equal("60.0%", cell("R2", "plan"));        // denominator 20 is published
    }

    [Fact]
    public void Two_small_counts_protect_each_other_and_nothing_more_is_hidden()
    {
        var cell = RenderPublic(total: 515, regionCounts: [3, 8, 504], regionRates: [(0.1, 50), (0.2, 50), (0.3, 50)]);
        Assert.Equal("<10", cell("R0", "open_cases"));
        Assert.Equal("<10", cell("R1", "open_cases"));
        Assert.Equal("504", cell("R2", "open_cases"));
    }

    public void Dispose() => _ctx.Dispose();
}
