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
        // Counts first: a rate's suppression depends on the counts it is computed over.
        foreach (var indicator in inputs.Indicators.OrderBy(i => i.IsCount ? 0 : 1).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            if (!byIndicator.TryGetValue(indicator.Id, out var values)) continue;
            var keys = values.ToDictionary(v => v.Key.CellId, v => v.Key, StringComparer.Ordinal);
            var links = indicator.IsCount ? [] : RateOverCount.Counts.GetValueOrDefault(indicator.Id) ?? [];
            var cells = values.ToDictionary(v => v.Key.CellId, v => new DisclosureCell(v.Key.CellId, v.Value, v.Denominator, indicator.MinDenominator,
                LinkedCount: links.Select(count => result.GetValueOrDefault(v.Key with { Indicator = count })?.Suppression ?? Suppression.None)
                    .OrderByDescending(s => s == Suppression.Secondary).ThenByDescending(s => s == Suppression.SmallCount).FirstOrDefault()), StringComparer.Ordinal);
            var lines = TotalGroups.Territorial(keys.Values, inputs);
            lines.AddRange(TotalGroups.Members(keys.Values, inputs));
            var measure = indicator.IsCount ? CellMeasure.Count : CellMeasure.Rate;
            foreach (var (ids, groupLines) in TotalGroups.Components(cells.Keys, lines))
            {
                var protectedCells = DisclosureControl.Protect(new CellTable(measure, ids.Select(id => cells[id]).ToList(), groupLines), rules);
                foreach (var (id, cell) in protectedCells.Cells) result[keys[id]] = cell;
            }
        }
        return new PublicCells(result, clock.Elapsed);
    }
}
