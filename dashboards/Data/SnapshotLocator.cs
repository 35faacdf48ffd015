namespace Monitoring.Dashboards.Data;

/// <summary>
/// Resolves DATA_DIR/CURRENT → snapshots/&lt;run_id&gt;/warehouse.duckdb, as docs/ARCHITECTURE.md fixes it.
/// A stand-in for Monitoring.Warehouse.Snapshots.SnapshotStore until that lands; reads CURRENT on every call
/// (a few bytes) so a newly published snapshot is picked up without a restart.
/// </summary>
public sealed class SnapshotLocator(string dataDir)
{
    public string DataDir { get; } = Path.GetFullPath(dataDir);

    /// <summary>The run id in service, or null when nothing has been published yet.</summary>
    public string? CurrentRunId()
    {
        var current = Path.Combine(DataDir, "CURRENT");
        if (!File.Exists(current)) return null;
        var runId = File.ReadAllText(current).Trim();
        // CURRENT is replaced by rename, so a half-written file is not expected; still refuse path tricks.
        if (runId.Length == 0 || runId.IndexOfAny(['/', '\\']) >= 0 || runId.Contains("..")) return null;
        return runId;
    }

    public string WarehousePath(string runId) => Path.Combine(DataDir, "snapshots", runId, "warehouse.duckdb");

    public string FollowUpPath => Path.Combine(DataDir, "followup.duckdb");
}
