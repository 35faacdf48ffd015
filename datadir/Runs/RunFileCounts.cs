namespace Monitoring.DataDir.Runs;

/// <summary>One export file of a run: rows read = loaded + quarantined, and why rows were quarantined (reason → rows).</summary>
public sealed record RunFileCounts(string File, long Read, long Loaded, long Quarantined, IReadOnlyDictionary<string, long> Reasons, IReadOnlyList<string> UnknownColumns);
