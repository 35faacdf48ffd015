using Monitoring.Warehouse.Indicators;

namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Rates whose numerator or denominator is a public count of the same territory and month (indicators-v1.md). When
/// that count is hidden, the rate is hidden too: otherwise a reader could rebuild the count from the rate and a figure
/// shown elsewhere, or read its size from why the rate is withheld (average payment withheld for a denominator below
/// 20 ⇒ households paid between 10 and 19). Data, not code: the catalogue's <c>over_counts</c> of each rate.
/// </summary>
public static class RateOverCount
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Counts = IndicatorCatalogue.Load().Indicators
        .Where(i => i.OverCounts is { Count: > 0 })
        .ToDictionary(i => i.Id, i => i.OverCounts!, StringComparer.Ordinal);
}
