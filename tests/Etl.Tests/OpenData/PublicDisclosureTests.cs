using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>The one rule set of the public surfaces on hand-made snapshots; "cannot be recovered" proven by brute force.</summary>
public class PublicDisclosureTests
{
    const string March = "2024-03";

    static PublicCellValue V(string indicator, string level, string code, double? value, double? den = null, string month = March) =>
        new(new PublicCellKey(indicator, level, code, month), value, den);

    [Fact]
    public void The_issue_12_numbers_hide_a_second_region_in_every_table_that_shows_the_month()
    {
        // Italy 28 = region 05 (15) + region 15 (11) + region 17 (2): 28 − 15 − 11 gave region 17 away through the trend.
        var inputs = new PublicCellInputs([new("cases_processed", IsCount: true)],
            [V("cases_processed", "national", "IT", 28), V("cases_processed", "region", "05", 15), V("cases_processed", "region", "15", 11),
             V("cases_processed", "region", "17", 2), V("cases_processed", "region", "15", 40, month: "2024-04")],
            ["05", "15", "17"], new Dictionary<string, string>());
        var cells = PublicDisclosure.Protect(inputs);
        Assert.Equal(Suppression.SmallCount, cells.Get("cases_processed", "region", "17", March)!.Suppression);
        // The smallest region that closes the gap (11 ≥ 10) goes with it; the trend reads this very cell.
        Assert.Equal(Suppression.Secondary, cells.Get("cases_processed", "region", "15", March)!.Suppression);
        Assert.Equal(15, cells.Get("cases_processed", "region", "05", March)!.Value);
        Assert.Equal(40, cells.Get("cases_processed", "region", "15", "2024-04")!.Value);

        // Brute force over the month's line: region 17 keeps every value 0..3 (17 + 15 = 13, region 15 ≥ 10).
        var table = new CellTable(CellMeasure.Count, [new("IT", 28), new("05", 15), new("15", 11), new("17", 2)], [new AdditiveLine("IT", ["05", "15", "17"])]);
        var published = new DisclosureResult(new[] { ("IT", "national"), ("05", "region"), ("15", "region"), ("17", "region") }
            .ToDictionary(x => x.Item1, x => cells.Get("cases_processed", x.Item2, x.Item1, March)! with { Id = x.Item1 }));
        Assert.Equal([0, 1, 2, 3], SubtractionAttacker.FeasibleValues(table, published, 28)["17"]);
    }

    [Fact]
    public void Secondary_suppression_runs_across_the_hierarchy_ats_to_region_to_italy()
    {
        // Italy 85 = region A 30 (ATS a1 4, a2 26) + region B 50 (b1 25, b2 25) + region C 5 (c1 5).
        var inputs = new PublicCellInputs([new("open_cases", IsCount: true)],
            [V("open_cases", "national", "IT", 85), V("open_cases", "region", "A", 30), V("open_cases", "region", "B", 50), V("open_cases", "region", "C", 5),
             V("open_cases", "ats", "a1", 4), V("open_cases", "ats", "a2", 26), V("open_cases", "ats", "b1", 25), V("open_cases", "ats", "b2", 25),
             V("open_cases", "ats", "c1", 5)],
            ["A", "B", "C"], new Dictionary<string, string> { ["a1"] = "A", ["a2"] = "A", ["b1"] = "B", ["b2"] = "B", ["c1"] = "C" });
        var cells = PublicDisclosure.Protect(inputs);
        Suppression S(string level, string code) => cells.Get("open_cases", level, code, March)!.Suppression;
        Assert.Equal(Suppression.SmallCount, S("ats", "a1"));
        Assert.Equal(Suppression.Secondary, S("ats", "a2"));      // a1 + a2 = 30 with region A published
        Assert.Equal(Suppression.SmallCount, S("region", "C"));
        Assert.Equal(Suppression.SmallCount, S("ats", "c1"));
        // Italy − A − B would give C away: region A goes too, as it already holds hidden ATS (one pattern, not two).
        Assert.Equal(Suppression.Secondary, S("region", "A"));
        Assert.Equal(Suppression.None, S("region", "B"));
        Assert.Equal(Suppression.None, S("national", "IT"));
        Assert.Equal(5, cells.Cells.Values.Count(c => c.IsHidden));
    }

    [Fact]
    public void A_rate_over_a_hidden_count_is_withheld_and_its_status_does_not_tell_the_count_size()
    {
        // households_paid by ATS: a1 4 (small), a2 15 (complementary), a3 60; the average payment is Σ amount / households paid.
        var inputs = new PublicCellInputs([new("households_paid", IsCount: true), new("average_payment_eur", IsCount: false, MinDenominator: 20)],
            [V("households_paid", "region", "R", 79), V("households_paid", "ats", "a1", 4), V("households_paid", "ats", "a2", 15), V("households_paid", "ats", "a3", 60),
             V("average_payment_eur", "region", "R", 500, 79), V("average_payment_eur", "ats", "a1", 480, 4), V("average_payment_eur", "ats", "a2", 510, 15),
             V("average_payment_eur", "ats", "a3", 501, 60)],
            ["R"], new Dictionary<string, string> { ["a1"] = "R", ["a2"] = "R", ["a3"] = "R" });
        var cells = PublicDisclosure.Protect(inputs);
        Assert.Equal(Suppression.SmallCount, cells.Get("households_paid", "ats", "a1", March)!.Suppression);
        Assert.Equal(Suppression.Secondary, cells.Get("households_paid", "ats", "a2", March)!.Suppression);
        // Over 4 households: "small denominator" says nothing the "<10" did not. Over the complementary 15: withheld as
        // complementary, so the status does not say 10..19.
        Assert.Equal(Suppression.SmallDenominator, cells.Get("average_payment_eur", "ats", "a1", March)!.Suppression);
        Assert.Equal(Suppression.Secondary, cells.Get("average_payment_eur", "ats", "a2", March)!.Suppression);
        Assert.Equal(501, cells.Get("average_payment_eur", "ats", "a3", March)!.Value);
        Assert.Equal(500, cells.Get("average_payment_eur", "region", "R", March)!.Value);
    }
}
