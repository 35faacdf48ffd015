using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// Issue 14: the members of a dimension in the one rule set, on a hand-made snapshot small enough for the brute-force
/// reader (<see cref="SubtractionAttacker"/>) to try every filling of the hidden cells.
/// </summary>
public class PublicDisclosureMemberTests
{
    const string March = "2024-03";

    [Fact]
    public void A_hidden_member_is_recovered_neither_from_its_total_nor_from_the_regions_of_that_member()
    {
        // Italy 40 = region A 25 + region B 15; by measure: Italy ADI 33 + RDC 7, A: ADI 20 + RDC 5, B: ADI 13 + RDC 2.
        // Every total is publishable; RDC is small everywhere, so 40 − 33, 25 − 20 and 15 − 13 would each give it away.
        var values = new (string Level, string Code, string Member, double Value)[]
        {
            ("national", "IT", "", 40), ("region", "A", "", 25), ("region", "B", "", 15),
            ("national", "IT", "ADI", 33), ("national", "IT", "RDC", 7),
            ("region", "A", "ADI", 20), ("region", "A", "RDC", 5), ("region", "B", "ADI", 13), ("region", "B", "RDC", 2),
        };
        PublicCellKey Key(string level, string code, string member) =>
            new("applications_received", level, code, March, member == "" ? "" : "measure", member);
        var inputs = new PublicCellInputs([new("applications_received", IsCount: true)],
            values.Select(v => new PublicCellValue(Key(v.Level, v.Code, v.Member), v.Value, null)).ToList(), ["A", "B"], new Dictionary<string, string>());
        var cells = PublicDisclosure.Protect(inputs);

        foreach (var v in values.Where(v => v.Member == "RDC"))
            Assert.Equal(Suppression.SmallCount, cells.Cells[Key(v.Level, v.Code, v.Member)].Suppression);
        Assert.All(values.Where(v => v.Member == "ADI"), v => Assert.Equal(Suppression.Secondary, cells.Cells[Key(v.Level, v.Code, v.Member)].Suppression));
        // The totals need not go: the pattern closes inside the members.
        Assert.All(values.Where(v => v.Member == ""), v => Assert.Equal(Suppression.None, cells.Cells[Key(v.Level, v.Code, v.Member)].Suppression));

        // The reader's lines, written here from the definitions: members → total for each territory, regions → Italy for
        // the total and for each member.
        string Id(string level, string code, string member) => Key(level, code, member).CellId;
        var lines = new List<AdditiveLine>
        {
            new(Id("national", "IT", ""), [Id("region", "A", ""), Id("region", "B", "")]),
            new(Id("national", "IT", "ADI"), [Id("region", "A", "ADI"), Id("region", "B", "ADI")]),
            new(Id("national", "IT", "RDC"), [Id("region", "A", "RDC"), Id("region", "B", "RDC")]),
        };
        foreach (var (level, code) in new[] { ("national", "IT"), ("region", "A"), ("region", "B") })
            lines.Add(new(Id(level, code, ""), [Id(level, code, "ADI"), Id(level, code, "RDC")]));
        var table = new CellTable(CellMeasure.Count, values.Select(v => new DisclosureCell(Id(v.Level, v.Code, v.Member), v.Value)).ToList(), lines);
        var published = new DisclosureResult(values.ToDictionary(v => Id(v.Level, v.Code, v.Member), v => cells.Cells[Key(v.Level, v.Code, v.Member)] with { Id = Id(v.Level, v.Code, v.Member) }));
        var feasible = SubtractionAttacker.FeasibleValues(table, published, 40);
        foreach (var v in values.Where(v => v.Member != ""))
            Assert.True(feasible[Id(v.Level, v.Code, v.Member)].Count > 1, $"{v.Code} {v.Member} is recovered: only {string.Join(",", feasible[Id(v.Level, v.Code, v.Member)])}");
    }
}
