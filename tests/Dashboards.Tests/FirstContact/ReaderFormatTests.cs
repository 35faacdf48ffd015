using Bunit;
using Monitoring.Dashboards.Components.Shared;
using Monitoring.Dashboards.Localization;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Tests.Dashboards.FirstContact;

/// <summary>
/// The pieces of issue 11 that need no running app: numbers per language against the test's own writing, the heat
/// table's colour of counts, a long table cut with its "show all" link. The browser test checks them end to end.
/// </summary>
public sealed class ReaderFormatTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    [Theory]
    [InlineData(13961.0, "count", "13.961", "13,961")]
    [InlineData(0.42, "percent", "42,0\u00A0%", "42.0%")]
    [InlineData(3975.2, "number", "3.975,2", "3,975.2")]
    [InlineData(606.2, "eur2", "€ 606,20", "€606.20")]
    [InlineData(40000.0, "eur", "€ 40.000", "€40,000")]
    [InlineData(184615.38, "eur", "€ 184.615", "€184,615")]
    [InlineData(31.46, "days", "31,5", "31.5")]
    [InlineData(1234567.891, "number", "1.234.567,89", "1,234,567.89")]
    public void Numbers_are_written_as_each_reader_expects(double value, string format, string italian, string english)
    {
        Assert.Equal(italian, NumberText.Number(value, format, "it"));
        Assert.Equal(english, NumberText.Number(value, format, "en"));
        // The CSV keeps the machine format whatever the language.
        Assert.DoesNotContain(",", GridFormat.Number(value, format));
    }

    [Fact]
    public void Numbers_agree_with_the_tests_own_writing_over_many_values()
    {
        var random = new Random(11);
        for (var k = 0; k < 2000; k++)
        {
            var v = Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 8)), random.Next(0, 4));
            foreach (var lang in new[] { "it", "en" })
            {
                Assert.Equal(ReaderNumbers.Indicator(v, "cases", "count", lang), NumberText.Number(v, "count", lang));
                Assert.Equal(ReaderNumbers.Indicator(v, "cases per case manager", "ratio", lang), NumberText.Number(v, "number", lang));
                Assert.Equal(ReaderNumbers.Indicator(v / 1e6, "share", "ratio", lang), NumberText.Number(v / 1e6, "percent", lang));
            }
        }
    }

    [Fact]
    public void Months_and_dates_are_labels_in_the_language()
    {
        Assert.Equal("ott 2026", NumberText.Month("2026-10", "it"));
        Assert.Equal("Oct 2026", NumberText.Month("2026-10", "en"));
        Assert.Equal("31/10/2026", NumberText.Date("2026-10-31", "it"));
        Assert.Equal("31 Oct 2026", NumberText.Date("2026-10-31", "en"));
    }

    private static IndicatorInfo Indicator(string id, string kind, string unit, bool higherIsBetter = true)
        => new(id, id, id, "", "", "input", "inclusion", unit, higherIsBetter, 0, false, kind);

    [Fact]
    public void A_count_is_coloured_only_per_resident()
    {
        var cms = Indicator("case_managers_active", "count", "operators");
        // A region with a tenth of Italy's residents and a tenth of its case managers is at the national level,
        // though its count is a tenth of Italy's.
        Assert.Equal("heat-0", HeatColour.Class(cms, 1_000, 10_000, 6_000_000, 60_000_000));
        // Half the case managers per resident: far worse (higher is better).
        Assert.Equal("heat-bad-2", HeatColour.Class(cms, 500, 10_000, 6_000_000, 60_000_000));
        // Without residents a count is not coloured at all.
        Assert.Null(HeatColour.Class(cms, 1_000, 10_000, null, 60_000_000));
        // A ratio is compared with the national value directly; lower is better here.
        var caseload = Indicator("open_cases_per_case_manager", "ratio", "cases per case manager", higherIsBetter: false);
        Assert.Equal("heat-bad-1", HeatColour.Class(caseload, 12, 10, null, null));
        Assert.Equal("heat-good-2", HeatColour.Class(caseload, 7, 10, null, null));
    }

    [Fact]
    public void A_long_table_shows_its_first_rows_and_links_to_the_rest()
    {
        var rows = Enumerable.Range(1, 40).Select(i => new object?[] { $"ATS-{i:00}", 1000.0 * i }).ToList();
        var grid = new Grid("ministry-funnel", [new("ats", "ATS"), new("n", "n", "count")], rows);
        var cut = _ctx.Render<GridTable>(p => p.Add(x => x.Grid, grid).Add(x => x.Caption, "funnel").Add(x => x.Lang, "it")
            .Add(x => x.Limit, 25).Add(x => x.FullHref, "/ministry?all=funnel#funnel").Add(x => x.CsvQuery, ""));
        Assert.Equal(25, cut.FindAll("tbody tr").Count);
        Assert.Equal("25.000", cut.Find("tr[data-key='ATS-25'] [data-col='n']").TextContent.Trim());
        var more = cut.Find(".more-rows");
        Assert.Contains("25", more.TextContent);
        Assert.Contains("40", more.TextContent);
        Assert.Equal("/ministry?all=funnel#funnel", more.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/api/panels/ministry-funnel.csv", cut.Find(".csv-link a").GetAttribute("href"));
    }

    public void Dispose() => _ctx.Dispose();
}
