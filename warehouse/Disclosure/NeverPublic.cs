using Monitoring.Warehouse.Indicators;

namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// What indicators-v1.md says is never public, whatever a snapshot's is_public says: case-manager level, and the levels
/// the catalogue's <c>public_levels</c> leaves out (ATS-level staffing: a small ATS's staffing numbers describe a
/// handful of named employees). The ids live in sql/indicators/catalogue.json only.
/// </summary>
public static class NeverPublic
{
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.Load();

    /// <summary>The indicators the catalogue never publishes at ATS level.</summary>
    public static readonly IReadOnlySet<string> AtsStaffing = Catalogue.Indicators
        .Where(i => !i.PublicLevelsOrDefault.Contains("ats")).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> PublishedLevels = IndicatorDefinition.TerritoryLevels;

    /// <summary>Each indicator's public levels, looked up once: <see cref="Allows"/> runs for every public cell of a
    /// snapshot (about a million on the all-Italy preset), and searching the catalogue each time cost ~8 s of it.</summary>
    private static readonly Dictionary<string, HashSet<string>> PublicLevelsById = Catalogue.Indicators
        .ToDictionary(i => i.Id, i => i.PublicLevelsOrDefault.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether a public indicator may be shown at this level (an id the catalogue no longer knows: territory
    /// levels only).</summary>
    public static bool Allows(string indicatorId, string level) =>
        PublishedLevels.Contains(level)
        && (!PublicLevelsById.TryGetValue(indicatorId, out var levels) || levels.Contains(level));
}
