using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// The release's rows: every public cell of the snapshot as <see cref="PublicDisclosure"/> protected it — the same
/// cells, hidden the same way, as the public page and its CSVs show — with territory names and the status column.
/// </summary>
public static class ReleaseDisclosure
{
    public const string Published = "published", SmallCount = "small_count", SmallDenominator = "small_denominator",
        Secondary = "secondary_suppression", NoValue = "no_value";

    /// <summary>The rows of indicators.csv (territory totals) or, with <paramref name="members"/>, of indicators_by_dimension.csv.</summary>
    public static List<PublishedRow> Apply(ReleaseInputs inputs, bool members = false)
    {
        var territories = inputs.Territories.ToDictionary(t => (t.Level, t.Code));
        var indicators = inputs.Indicators.ToDictionary(i => i.Id);
        var rows = new List<PublishedRow>();
        foreach (var (key, p) in inputs.Cells.Cells)
        {
            if (!indicators.TryGetValue(key.Indicator, out var indicator) || (key.Dimension != "") != members) continue;
            var t = territories.GetValueOrDefault((key.Level, key.Territory));
            rows.Add(new PublishedRow(key.Indicator, key.Level, key.Territory, t?.Name ?? key.Territory,
                key.Level == "national" ? "" : t?.RegionCode ?? (key.Level == "region" ? key.Territory : ""),
                key.Month, p.Value is { } v ? Round(v, indicator) : null, p.Marker, StatusOf(p.Suppression), key.Dimension, key.Member));
        }
        var levelOrder = new Dictionary<string, int> { ["national"] = 0, ["region"] = 1, ["ats"] = 2 };
        var indicatorOrder = inputs.Indicators.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        return rows.OrderBy(r => indicatorOrder[r.IndicatorId]).ThenBy(r => levelOrder[r.Level])
            .ThenBy(r => r.TerritoryCode, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal)
            .ThenBy(r => inputs.MemberOrder.GetValueOrDefault((r.Dimension, r.Member))).ToList();
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
