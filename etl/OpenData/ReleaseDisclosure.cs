using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// Applies disclosure control to the release, one table per indicator and month: the ATS of each region sum to
/// the region, the regions sum to Italy. Counts get primary and secondary suppression (so no "&lt;10" ATS can be
/// recovered from its region's total); rates and medians get the denominator threshold, and a line never has
/// exactly one hidden part under a published total.
/// </summary>
public static class ReleaseDisclosure
{
    public const string Published = "published", SmallCount = "small_count", SmallDenominator = "small_denominator",
        Secondary = "secondary_suppression", NoValue = "no_value";

    public static List<PublishedRow> Apply(ReleaseInputs inputs, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var territories = inputs.Territories.ToDictionary(t => (t.Level, t.Code));
        var atsByRegion = inputs.Territories.Where(t => t.Level == "ats").GroupBy(t => t.RegionCode)
            .ToDictionary(g => g.Key, g => g.Select(t => "ats:" + t.Code).ToList());
        var regions = inputs.Territories.Where(t => t.Level == "region").Select(t => "region:" + t.Code).ToList();
        var indicators = inputs.Indicators.ToDictionary(i => i.Id);
        var rows = new List<PublishedRow>();

        foreach (var group in inputs.Cells.GroupBy(c => (c.IndicatorId, c.Month)))
        {
            var indicator = indicators[group.Key.IndicatorId];
            var cells = group.ToDictionary(c => c.Level + ":" + c.TerritoryCode);
            var lines = new List<AdditiveLine> { new("national:IT", regions) };
            lines.AddRange(atsByRegion.Select(kv => new AdditiveLine("region:" + kv.Key, kv.Value)));
            var table = new CellTable(indicator.IsCount ? CellMeasure.Count : CellMeasure.Rate,
                cells.Select(kv => new DisclosureCell(kv.Key, kv.Value.Value, kv.Value.Denominator, indicator.MinDenominator)).ToList(),
                lines);
            var result = DisclosureControl.Protect(table, rules);
            foreach (var (id, cell) in cells)
            {
                var p = result[id];
                var t = territories.GetValueOrDefault((cell.Level, cell.TerritoryCode));
                rows.Add(new PublishedRow(cell.IndicatorId, cell.Level, cell.TerritoryCode, t?.Name ?? cell.TerritoryCode,
                    cell.Level == "national" ? "" : t?.RegionCode ?? (cell.Level == "region" ? cell.TerritoryCode : ""),
                    cell.Month, p.Value is { } v ? Round(v, indicator) : null, p.Marker, StatusOf(p.Suppression)));
            }
        }
        var levelOrder = new Dictionary<string, int> { ["national"] = 0, ["region"] = 1, ["ats"] = 2 };
        var indicatorOrder = inputs.Indicators.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        return rows.OrderBy(r => indicatorOrder[r.IndicatorId]).ThenBy(r => levelOrder[r.Level])
            .ThenBy(r => r.TerritoryCode, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal).ToList();
    }

    public static string StatusOf(Suppression s) => s switch
    {
        Suppression.None => Published,
        Suppression.SmallCount => SmallCount,
        Suppression.SmallDenominator => SmallDenominator,
        Suppression.Secondary => Secondary,
        _ => NoValue,
    };

    /// <summary>Counts are whole; shares keep 4 decimals, euro and day figures 2: more digits only add noise.</summary>
    static double Round(double v, PublicIndicator i) => i.IsCount ? Math.Round(v) : Math.Round(v, i.Unit == "share" ? 4 : 2);
}
