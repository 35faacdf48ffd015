namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Plays the reader who tries to recover hidden counts by subtraction. Every line says total = Σ parts; the audit
/// narrows each hidden cell's interval, line after line, until nothing changes (interval constraint propagation: on
/// the public tables, which are hierarchies, this gives the same bounds as a linear program). Two readers:
/// <list type="bullet">
/// <item>one who also knows what each marker says (a "&lt;10" cell lies in [0, 9]; a complementary cell was publishable,
/// so it is at least 10): a hidden cell left with a single whole number is recovered;</item>
/// <item>one who uses the published equalities alone (a hidden cell is ≥ 0): a hidden cell bounded within less than
/// the count threshold is known to within less than the rule hides.</item>
/// </list>
/// </summary>
internal static class SubtractionAudit
{
    /// <summary>A hidden cell one of the readers can narrow too far, and how much wider its interval must become.</summary>
    public readonly record struct Exposure(string Id, double Gap);

    /// <summary>The hidden cells (small counts and complementary ones) either reader recovers.</summary>
    public static List<Exposure> Exposed(
        IReadOnlyDictionary<string, DisclosureCell> cells, IReadOnlyDictionary<string, Suppression> status,
        IReadOnlyList<AdditiveLine> lines, DisclosureRules rules)
    {
        var exposed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, b) in Narrowed(cells, status, lines, rules, withMarkers: true))
            if (b.PinsOneInteger) exposed[id] = 1;
        foreach (var (id, b) in Narrowed(cells, status, lines, rules, withMarkers: false))
            if (b.High - b.Low < rules.MinCount - 1e-9) exposed[id] = Math.Max(exposed.GetValueOrDefault(id), rules.MinCount - (b.High - b.Low));
        return exposed.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Exposure(kv.Key, kv.Value)).ToList();
    }

    /// <summary>Each hidden cell's interval after propagation over the lines.</summary>
    static IEnumerable<(string Id, Bounds Bounds)> Narrowed(
        IReadOnlyDictionary<string, DisclosureCell> cells, IReadOnlyDictionary<string, Suppression> status,
        IReadOnlyList<AdditiveLine> lines, DisclosureRules rules, bool withMarkers)
    {
        var bounds = new Dictionary<string, Bounds>();
        foreach (var (id, cell) in cells)
        {
            bounds[id] = status[id] switch
            {
                Suppression.None => Bounds.Point(cell.Value!.Value),
                Suppression.SmallCount when withMarkers => new Bounds(0, Math.Ceiling(rules.MinCount) - 1),
                Suppression.Secondary when withMarkers => new Bounds(rules.MinCount, double.PositiveInfinity),
                _ => new Bounds(0, double.PositiveInfinity),
            };
        }
        // Lines with a member that has no value at all cannot be used by anyone.
        var usable = lines.Where(l => bounds.ContainsKey(l.TotalId) && l.PartIds.All(bounds.ContainsKey)
                                      && status[l.TotalId] != Suppression.NoValue && l.PartIds.All(p => status[p] != Suppression.NoValue)).ToList();
        for (var pass = 0; pass < 200; pass++)
        {
            var changed = false;
            foreach (var line in usable)
            {
                double sumLow = 0, finiteHigh = 0;
                var infinite = 0;
                foreach (var p in line.PartIds)
                {
                    var b = bounds[p];
                    sumLow += b.Low;
                    if (double.IsPositiveInfinity(b.High)) infinite++; else finiteHigh += b.High;
                }
                changed |= Narrow(bounds, line.TotalId, sumLow, infinite > 0 ? double.PositiveInfinity : finiteHigh);
                var total = bounds[line.TotalId];
                foreach (var p in line.PartIds)
                {
                    var b = bounds[p];
                    var selfInfinite = double.IsPositiveInfinity(b.High);
                    var othersHigh = infinite - (selfInfinite ? 1 : 0) > 0 ? double.PositiveInfinity : finiteHigh - (selfInfinite ? 0 : b.High);
                    changed |= Narrow(bounds, p, total.Low - othersHigh, total.High - (sumLow - b.Low));
                }
            }
            if (!changed) break;
        }
        return bounds.Where(kv => status[kv.Key] is Suppression.SmallCount or Suppression.Secondary)
            .Select(kv => (kv.Key, kv.Value));
    }

    static bool Narrow(Dictionary<string, Bounds> bounds, string id, double low, double high)
    {
        var b = bounds[id];
        // Counts are whole numbers: a reader rounds inward.
        var newLow = Math.Max(b.Low, Math.Ceiling(low - 1e-9));
        var newHigh = Math.Min(b.High, Math.Floor(high + 1e-9));
        if (newLow <= b.Low + 1e-9 && newHigh >= b.High - 1e-9) return false;
        if (newLow > newHigh + 1e-9) return false; // inconsistent line (a total that is not the exact sum): it tells nothing
        bounds[id] = new Bounds(newLow, newHigh);
        return true;
    }
}
