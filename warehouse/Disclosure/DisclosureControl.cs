namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Disclosure control of indicators-v1.md as a pure function over a table of cells: primary suppression
/// (a count below 10 shows "&lt;10"; a rate over a denominator below 20 is withheld), then secondary
/// suppression so that no hidden value can be recovered by subtraction from a published total.
/// The open-data release and the public dashboard both go through here, so they publish the same cells.
/// </summary>
public static class DisclosureControl
{
    public static DisclosureResult Protect(CellTable table, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var cells = new Dictionary<string, DisclosureCell>();
        foreach (var c in table.Cells)
            if (!cells.TryAdd(c.Id, c)) throw new ArgumentException($"cell id '{c.Id}' appears twice in the table");
        var lines = table.Lines.Where(l => cells.ContainsKey(l.TotalId) && l.PartIds.Count > 0).ToList();
        var status = cells.ToDictionary(kv => kv.Key, kv => Primary(kv.Value, table.Measure, rules) switch
        {
            Suppression.None when kv.Value.LinkedCount is Suppression.SmallCount or Suppression.Secondary => Suppression.Secondary,
            Suppression.SmallDenominator when kv.Value.LinkedCount is Suppression.Secondary => Suppression.Secondary,
            var s => s,
        });

        if (table.Measure == CellMeasure.Count) SecondaryForCounts(cells, status, lines, rules);
        else SecondaryForRates(cells, status, lines);

        var result = cells.ToDictionary(kv => kv.Key, kv =>
        {
            var s = status[kv.Key];
            return new ProtectedCell(kv.Key, s == Suppression.None ? kv.Value.Value : null, s,
                s == Suppression.SmallCount ? rules.SmallCountText : null);
        });
        return new DisclosureResult(result);
    }

    /// <summary>Primary suppression of one cell, on its own.</summary>
    public static Suppression Primary(DisclosureCell cell, CellMeasure measure, DisclosureRules rules)
    {
        if (cell.Value is null) return Suppression.NoValue;
        if (measure == CellMeasure.Count) return cell.Value < rules.MinCount ? Suppression.SmallCount : Suppression.None;
        var threshold = Math.Max(rules.MinDenominator, cell.MinDenominator);
        return cell.Denominator is not { } d || d < threshold ? Suppression.SmallDenominator : Suppression.None;
    }

    /// <summary>
    /// Counts: while the audit exposes a hidden cell, hide one more cell. Exposed means either that the published cells
    /// and what the markers say ("&lt;10" is 0..9, a complementary cell at least 10) leave it a single whole number, or
    /// that the published equalities alone bound it within less than the count threshold (the hidden cells of a line
    /// must together hold at least 10, or the reader knows each of them to within less than the rule hides). The cell
    /// to protect is an exposed cell that a single line gives away (a small count, or a complementary cell that gives
    /// one away through another line), small counts first; the line is its
    /// line with the fewest hidden members; in it, hide a published part big enough to close the gap that already
    /// crosses another line with hidden cells (this closes the classic 2×2 pattern, or protects a region and its ATS at
    /// once, instead of spreading), else one big enough, else one that crosses; the smallest that closes the gap, the
    /// largest otherwise; the total only when no part is left. Each round hides one more cell, so the loop ends.
    /// </summary>
    static void SecondaryForCounts(Dictionary<string, DisclosureCell> cells, Dictionary<string, Suppression> status,
        List<AdditiveLine> lines, DisclosureRules rules)
    {
        var linesOf = new Dictionary<string, List<AdditiveLine>>();
        foreach (var l in lines)
            foreach (var id in l.PartIds.Append(l.TotalId))
                (linesOf.TryGetValue(id, out var list) ? list : linesOf[id] = []).Add(l);
        bool Hidden(string id) => status.GetValueOrDefault(id) is Suppression.SmallCount or Suppression.Secondary;
        int HiddenIn(AdditiveLine l) => l.PartIds.Append(l.TotalId).Count(Hidden);
        IEnumerable<AdditiveLine> LinesOf(string id) => linesOf.GetValueOrDefault(id) ?? [];

        for (var round = 0; round <= cells.Count; round++)
        {
            var exposed = SubtractionAudit.Exposed(cells, status, lines, rules);
            // A complementary cell a reader can pin is protected too: with the members of a dimension, a region total
            // hidden for its ATS could be rebuilt as the sum of its published members (the attacker test found it).
            if (exposed.Count == 0) return;
            // First a cell that one line gives away on its own (the leak is there), small counts before complementary cells.
            var victims = exposed.OrderBy(e => LinesOf(e.Id).Any(l => HiddenIn(l) == 1) ? 0 : 1)
                .ThenBy(e => status[e.Id] == Suppression.SmallCount ? 0 : 1).ToList();
            // Several exposed cells are protected in one round when they share no line (the ATS of different regions):
            // one pick cannot fix the other, and the audit, the costly part, runs once for them all.
            var touched = new HashSet<AdditiveLine>(ReferenceEqualityComparer.Instance);
            var picked = 0;
            foreach (var victim in victims)
            {
                if (LinesOf(victim.Id).Any(touched.Contains)) continue;
                string? pick = null;
                foreach (var line in LinesOf(victim.Id).OrderBy(HiddenIn))
                {
                    pick = line.PartIds.Where(id => status.GetValueOrDefault(id) == Suppression.None && cells.ContainsKey(id))
                        .Select(id => (Id: id, Value: cells[id].Value ?? 0))
                        .Select(p => (p.Id, p.Value, Closes: p.Value >= victim.Gap, Crosses: LinesOf(p.Id).Any(l => l != line && HiddenIn(l) > 0)))
                        .OrderByDescending(p => p.Closes && p.Crosses).ThenByDescending(p => p.Closes).ThenByDescending(p => p.Crosses)
                        .ThenBy(p => p.Closes ? p.Value : -p.Value)
                        .ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id).FirstOrDefault();
                    if (pick is null && status.GetValueOrDefault(line.TotalId) == Suppression.None) pick = line.TotalId;
                    if (pick is not null) break;
                }
                if (pick is null) continue;
                status[pick] = Suppression.Secondary;
                picked++;
                foreach (var l in LinesOf(victim.Id).Concat(LinesOf(pick))) touched.Add(l);
            }
            if (picked == 0) return; // every cell around the exposed ones is hidden already
        }
    }

    /// <summary>
    /// Rates are not sums, but a hidden rate could be rebuilt from its total and the other parts when their
    /// weights are known elsewhere; so a line whose total is published never has exactly one hidden part:
    /// the part with the smallest denominator goes with it.
    /// </summary>
    static void SecondaryForRates(Dictionary<string, DisclosureCell> cells, Dictionary<string, Suppression> status, List<AdditiveLine> lines)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (status[line.TotalId] != Suppression.None) continue;
                var parts = line.PartIds.Where(cells.ContainsKey).ToList();
                if (parts.Count(id => status[id] is Suppression.SmallDenominator or Suppression.Secondary) != 1) continue;
                var pick = parts.Where(id => status[id] == Suppression.None)
                    .OrderBy(id => cells[id].Denominator ?? 0).ThenBy(id => id, StringComparer.Ordinal).FirstOrDefault();
                if (pick is null) continue;
                status[pick] = Suppression.Secondary;
                changed = true;
            }
        } while (changed);
    }
}
