namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Plays the reader who tries to recover hidden counts by subtraction. Every line says total = Σ parts; from the
/// published cells and what a marker reveals (a "&lt;10" cell lies in [0, 9]; a secondary cell was publishable,
/// so it is at least 10) the audit narrows each hidden cell's interval, line after line, until nothing changes
/// (interval constraint propagation — it finds every recovery that chains single-line subtractions, which is what
/// "recovered by subtraction" means). A hidden cell whose interval holds a single whole number is pinned; a pinned small count is disclosed, and a
/// pinned complementary cell is what usually gives one away.
/// </summary>
internal static class SubtractionAudit
{
    /// <summary>The hidden cells (small counts and complementary ones) whose value the reader can pin down.</summary>
    public static List<string> Pinned(
        IReadOnlyDictionary<string, DisclosureCell> cells, IReadOnlyDictionary<string, Suppression> status,
        IReadOnlyList<AdditiveLine> lines, DisclosureRules rules)
    {
        var bounds = new Dictionary<string, Bounds>();
        foreach (var (id, cell) in cells)
        {
            bounds[id] = status[id] switch
            {
                Suppression.None => Bounds.Point(cell.Value!.Value),
                Suppression.SmallCount => new Bounds(0, Math.Ceiling(rules.MinCount) - 1),
                Suppression.Secondary => new Bounds(rules.MinCount, double.PositiveInfinity),
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
        return bounds.Where(kv => status[kv.Key] is Suppression.SmallCount or Suppression.Secondary && kv.Value.PinsOneInteger)
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }

    static bool Narrow(Dictionary<string, Bounds> bounds, string id, double low, double high)
    {
        var b = bounds[id];
        var newLow = Math.Max(b.Low, low);
        var newHigh = Math.Min(b.High, high);
        if (newLow <= b.Low + 1e-9 && newHigh >= b.High - 1e-9) return false;
        if (newLow > newHigh + 1e-9) return false; // inconsistent line (a total that is not the exact sum): it tells nothing
        bounds[id] = new Bounds(newLow, newHigh);
        return true;
    }
}
