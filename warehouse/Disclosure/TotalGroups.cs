namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// The "a total and its parts" groups a reader can combine, as <see cref="AdditiveLine"/>s between public cells: in
/// every month, the regions add up to Italy and the ATS of a region to the region. A group is only a line when every
/// part is public (a reader cannot subtract what is not shown). The members of a dimension add the groups of
/// <see cref="Members"/>, and secondary suppression runs across all of them together.
/// </summary>
public static class TotalGroups
{
    public static List<AdditiveLine> Territorial(IReadOnlyCollection<PublicCellKey> cells, PublicCellInputs inputs)
    {
        var ids = cells.Select(c => c.CellId).ToHashSet(StringComparer.Ordinal);
        var atsByRegion = inputs.RegionOfAts.GroupBy(kv => kv.Value)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList());
        var lines = new List<AdditiveLine>();
        foreach (var month in cells.Select(c => c.Month).Distinct().Order(StringComparer.Ordinal))
        {
            string Id(string level, string code) => new PublicCellKey("", level, code, month).CellId;
            Add(Id("national", "IT"), inputs.Regions.Select(r => Id("region", r)).ToList());
            foreach (var (region, ats) in atsByRegion)
                Add(Id("region", region), ats.Select(a => Id("ats", a)).ToList());
        }
        return lines;

        void Add(string total, List<string> parts)
        {
            if (parts.Count > 0 && ids.Contains(total) && parts.All(ids.Contains)) lines.Add(new AdditiveLine(total, parts));
        }
    }

    /// <summary>
    /// The groups a dimension adds, in every month: a territory's members of one dimension add up to its total (for
    /// counts; for rates their numerators and denominators do, indicators-v1.md § Dimensions), and one member over the
    /// regions adds up to that member for Italy. With the territorial lines they tie every cell of a month together, so
    /// a hidden member can be recovered neither as the total minus the other members nor as Italy minus the regions.
    /// </summary>
    public static List<AdditiveLine> Members(IReadOnlyCollection<PublicCellKey> cells, PublicCellInputs inputs)
    {
        var ids = cells.Select(c => c.CellId).ToHashSet(StringComparer.Ordinal);
        var lines = new List<AdditiveLine>();
        var members = cells.Where(c => c.Dimension != "").ToList();
        foreach (var g in members.GroupBy(c => (c.Month, c.Level, c.Territory, c.Dimension)))
            Add(g.First().Total.CellId, g.OrderBy(c => c.Member, StringComparer.Ordinal).Select(c => c.CellId).ToList());
        foreach (var g in members.Where(c => c.Level == "national").Select(c => (c.Month, c.Dimension, c.Member)).Distinct())
            Add(new PublicCellKey("", "national", "IT", g.Month, g.Dimension, g.Member).CellId,
                inputs.Regions.Select(r => new PublicCellKey("", "region", r, g.Month, g.Dimension, g.Member).CellId).ToList());
        return lines;

        void Add(string total, List<string> parts)
        {
            if (parts.Count > 0 && ids.Contains(total) && parts.All(ids.Contains)) lines.Add(new AdditiveLine(total, parts));
        }
    }

    /// <summary>
    /// Splits a table into the groups of cells tied by lines (here: one month of one indicator), which can be
    /// protected one at a time with the same result: a line never leaves its group.
    /// </summary>
    public static List<(List<string> Cells, List<AdditiveLine> Lines)> Components(IEnumerable<string> cellIds, IReadOnlyList<AdditiveLine> lines)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in cellIds) parent[id] = id;
        string Find(string x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var l in lines)
            foreach (var p in l.PartIds)
            {
                var a = Find(l.TotalId);
                var b = Find(p);
                if (a != b) parent[b] = a;
            }
        var groups = parent.Keys.GroupBy(Find).ToDictionary(g => g.Key, g => (Cells: g.ToList(), Lines: new List<AdditiveLine>()));
        foreach (var l in lines) groups[Find(l.TotalId)].Lines.Add(l);
        return groups.Values.ToList();
    }
}
