using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>Primary and secondary suppression on hand-made tables; every "cannot be recovered" is proven by brute force.</summary>
public class SecondarySuppressionTests
{
    /// <summary>One region (total 120) of three ATS: A = 4 is "&lt;10", but 120 − 50 − 66 = 4 gives it back.</summary>
    static CellTable RegionOfThree(double a = 4, double b = 50, double c = 66) => new(CellMeasure.Count,
        [new("region", a + b + c), new("A", a), new("B", b), new("C", c)],
        [new AdditiveLine("region", ["A", "B", "C"])]);

    [Fact]
    public void Primary_suppression_alone_lets_the_small_cell_be_recovered_from_the_total()
    {
        var table = RegionOfThree();
        // Publish with primary suppression only: the attacker pins A.
        var primaryOnly = new DisclosureResult(table.Cells.ToDictionary(c => c.Id, c =>
        {
            var s = DisclosureControl.Primary(c, CellMeasure.Count, DisclosureRules.Default);
            return new ProtectedCell(c.Id, s == Suppression.None ? c.Value : null, s, s == Suppression.SmallCount ? "<10" : null);
        }));
        var feasible = SubtractionAttacker.FeasibleValues(table, primaryOnly, 120);
        Assert.Equal([4], feasible["A"]);
    }

    [Fact]
    public void Secondary_suppression_hides_the_smallest_other_cell_and_the_small_cell_is_no_longer_recoverable()
    {
        var table = RegionOfThree();
        var result = DisclosureControl.Protect(table);

        Assert.Equal(Suppression.SmallCount, result["A"].Suppression);
        Assert.Equal("<10", result["A"].Marker);
        Assert.Null(result["A"].Value);
        Assert.Equal(Suppression.Secondary, result["B"].Suppression); // 50 < 66: the smallest published part
        Assert.Equal(66, result["C"].Value);
        Assert.Equal(120, result["region"].Value);

        // A + B = 54, A in 0..9, B ≥ 10: A can be any of 0..9.
        var feasible = SubtractionAttacker.FeasibleValues(table, result, 120);
        Assert.Equal(Enumerable.Range(0, 10), feasible["A"]);
    }

    [Fact]
    public void A_complementary_cell_that_would_pin_the_small_one_is_not_enough()
    {
        // A = 0, B = 10, C = 50: hiding A and B leaves A + B = 10 with B ≥ 10, so A = 0 exactly. A third cell must go.
        var table = RegionOfThree(0, 10, 50);
        var result = DisclosureControl.Protect(table);
        Assert.Equal(Suppression.Secondary, result["B"].Suppression);
        Assert.True(result["C"].IsHidden || result["region"].IsHidden);
        var feasible = SubtractionAttacker.FeasibleValues(table, result, 60);
        Assert.True(feasible["A"].Count >= 2, $"A is recoverable: {string.Join(",", feasible["A"])}");
    }

    [Fact]
    public void Two_small_cells_that_sum_to_18_give_each_other_away_and_get_a_third()
    {
        // 9 + 9 + 40 = 58: both "<10" and their sum 18 forces 9 and 9.
        var table = RegionOfThree(9, 9, 40);
        var result = DisclosureControl.Protect(table);
        Assert.Equal(Suppression.SmallCount, result["A"].Suppression);
        Assert.Equal(Suppression.SmallCount, result["B"].Suppression);
        Assert.Equal(Suppression.Secondary, result["C"].Suppression);
        var feasible = SubtractionAttacker.FeasibleValues(table, result, 58);
        Assert.True(feasible["A"].Count >= 2);
        Assert.True(feasible["B"].Count >= 2);
    }

    [Fact]
    public void In_a_table_with_row_and_column_totals_the_hidden_cells_form_a_pattern_no_line_can_undo()
    {
        //        c1  c2  c3 | total
        //   r1    3  20  25 |  48
        //   r2   15  30  12 |  57
        //   r3   22  18  40 |  80
        //   tot  40  68  77 | 185
        double?[,] v = { { 3, 20, 25 }, { 15, 30, 12 }, { 22, 18, 40 } };
        var table = CellTable.Grid(CellMeasure.Count, ["r1", "r2", "r3"], ["c1", "c2", "c3"], v,
            rowTotals: [48, 57, 80], columnTotals: [40, 68, 77], grandTotal: 185);
        var result = DisclosureControl.Protect(table);

        Assert.Equal(Suppression.SmallCount, result["r1|c1"].Suppression);
        // Every line through a hidden cell hides at least two of its members (the contract's rule) ...
        foreach (var line in table.Lines)
        {
            var members = line.PartIds.Append(line.TotalId).ToList();
            var hidden = members.Count(id => result[id].IsHidden);
            Assert.True(hidden != 1, $"line {line.TotalId} hides exactly one cell");
        }
        // ... and brute force over all rows and columns at once cannot pin the 3.
        var feasible = SubtractionAttacker.FeasibleValues(table, result, 185);
        Assert.True(feasible["r1|c1"].Count >= 2, "r1|c1 is recoverable: " + string.Join(",", feasible["r1|c1"]));
        // Only the cells needed: one small cell plus three complementary ones make the classic 2×2 pattern.
        Assert.Equal(3, result.Count(Suppression.Secondary));
    }

    [Fact]
    public void Rates_over_small_denominators_are_withheld_and_never_alone_under_a_published_total()
    {
        var table = new CellTable(CellMeasure.Rate,
            [new("region", 0.5, 200), new("A", 0.9, 12), new("B", 0.4, 80), new("C", 0.45, 108), new("D", 0.7, 30, MinDenominator: 40)],
            [new AdditiveLine("region", ["A", "B", "C", "D"])]);
        var result = DisclosureControl.Protect(table);
        Assert.Equal(Suppression.SmallDenominator, result["A"].Suppression); // 12 < 20
        Assert.Equal(Suppression.SmallDenominator, result["D"].Suppression); // 30 < its own 40
        Assert.Equal(0.4, result["B"].Value);                                // two hidden already: nothing more
        Assert.Null(result["A"].Marker);

        var single = new CellTable(CellMeasure.Rate,
            [new("region", 0.5, 200), new("A", 0.9, 12), new("B", 0.4, 80), new("C", 0.45, 108)],
            [new AdditiveLine("region", ["A", "B", "C"])]);
        var r2 = DisclosureControl.Protect(single);
        Assert.Equal(Suppression.Secondary, r2["B"].Suppression); // smallest denominator among the published parts
        Assert.True(r2["C"].IsPublished);
    }

    [Fact]
    public void A_count_of_exactly_ten_is_published_and_nine_is_not()
    {
        var table = new CellTable(CellMeasure.Count, [new("x", 10), new("y", 9), new("z", null)], []);
        var r = DisclosureControl.Protect(table);
        Assert.Equal(10, r["x"].Value);
        Assert.Equal("<10", r["y"].Marker);
        Assert.Equal(Suppression.NoValue, r["z"].Suppression);
    }
}
