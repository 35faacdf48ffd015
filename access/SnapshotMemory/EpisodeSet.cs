using Monitoring.DataDir.FollowUp;

namespace Monitoring.Access.SnapshotMemory;

/// <summary>The register's episodes in memory, by id and by indicator × ATS (for a flag's month).</summary>
public sealed class EpisodeSet(IReadOnlyList<Episode> episodes)
{
    private readonly Dictionary<string, Episode> _byId = episodes.ToDictionary(e => e.EpisodeId);
    private readonly ILookup<(string, string), Episode> _bySeries = episodes.ToLookup(e => (e.IndicatorId, e.AtsCode));

    public IReadOnlyList<Episode> List => episodes;

    public Episode? Get(string episodeId) => _byId.GetValueOrDefault(episodeId);

    /// <summary>The episode of an indicator × ATS that holds the month (from its first flagged month to its recovery or its latest month).</summary>
    public Episode? ForMonth(string indicatorId, string atsCode, string month) =>
        _bySeries[(indicatorId, atsCode)].FirstOrDefault(e =>
            string.CompareOrdinal(e.StartMonth, month) <= 0 && string.CompareOrdinal(month, e.RecoveredMonth ?? e.LatestMonth) <= 0);
}
