using System.Diagnostics;

namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// The one rule set for every public surface (indicators-v1.md, "Disclosure control"): each public indicator is a
/// table of cells (every territory level, every month, the members of its dimensions) tied by its <see cref="TotalGroups"/>; counts get primary and
/// secondary suppression (<see cref="DisclosureControl"/>), then rates, which are also hidden wherever a count they
/// are computed over is hidden (<see cref="RateOverCount"/>). The public page, its CSVs, the trend and the open-data
/// release all read the result, so a cell hidden on one is hidden on all.
/// </summary>
public static class PublicDisclosure
{
    public static PublicCells Protect(PublicCellInputs inputs, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var clock = Stopwatch.StartNew();
        var result = new Dictionary<PublicCellKey, ProtectedCell>();
        var byIndicator = inputs.Values.GroupBy(v => v.Key.Indicator).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Counts first: a rate's suppression depends on the counts it is computed over. Within each of the two rounds
        // the indicators are independent tables (no line joins two indicators), so they are protected side by side,
        // each into a result of its own, and merged after the round: the same cells, hidden the same way, in any order.
        foreach (var round in inputs.Indicators.Where(i => byIndicator.ContainsKey(i.Id)).GroupBy(i => i.IsCount).OrderBy(g => g.Key ? 0 : 1))
        {
            var tables = round.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
            var protectedTables = new Dictionary<PublicCellKey, ProtectedCell>[tables.Count];
            try
            {
                Parallel.For(0, tables.Count, k => protectedTables[k] = ProtectIndicator(tables[k], byIndicator[tables[k].Id], result, inputs, rules));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                // The caller sees the table's own error (a cell id twice, say), as when the tables were protected in turn.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
            foreach (var cells in protectedTables)
                foreach (var (key, cell) in cells) result[key] = cell;
        }
        return new PublicCells(result, clock.Elapsed);
    }

    /// <summary>One indicator's table: its cells, its total groups, protected component by component. Reads
    /// <paramref name="counts"/> (the counts protected in the round before) and writes nothing shared.</summary>
    private static Dictionary<PublicCellKey, ProtectedCell> ProtectIndicator(PublicIndicatorRule indicator, List<PublicCellValue> values,
        IReadOnlyDictionary<PublicCellKey, ProtectedCell> counts, PublicCellInputs inputs, DisclosureRules rules)
    {
        var result = new Dictionary<PublicCellKey, ProtectedCell>();
        var keys = values.ToDictionary(v => v.Key.CellId, v => v.Key, StringComparer.Ordinal);
        var links = indicator.IsCount ? [] : RateOverCount.Counts.GetValueOrDefault(indicator.Id) ?? [];
        var cells = values.ToDictionary(v => v.Key.CellId, v => new DisclosureCell(v.Key.CellId, v.Value, v.Denominator, indicator.MinDenominator,
            LinkedCount: links.Select(count => counts.GetValueOrDefault(v.Key with { Indicator = count })?.Suppression ?? Suppression.None)
                .OrderByDescending(s => s == Suppression.Secondary).ThenByDescending(s => s == Suppression.SmallCount).FirstOrDefault()), StringComparer.Ordinal);
        var lines = TotalGroups.Territorial(keys.Values, inputs);
        lines.AddRange(TotalGroups.Members(keys.Values, inputs));
        var measure = indicator.IsCount ? CellMeasure.Count : CellMeasure.Rate;
        foreach (var (ids, groupLines) in TotalGroups.Components(cells.Keys, lines))
        {
            var protectedCells = DisclosureControl.Protect(new CellTable(measure, ids.Select(id => cells[id]).ToList(), groupLines), rules);
            foreach (var (id, cell) in protectedCells.Cells) result[keys[id]] = cell;
        }
        return result;
    }
}
