namespace Monitoring.DataDir.FollowUp;

/// <summary>What one load changed in the register: episodes first seen, newly recovered, carried from month-keyed entries.</summary>
public sealed record SyncResult(string RunId, int Opened, int Updated, int Recovered, int NoLongerInData, int Migrated, int NotMigrated)
{
    public static SyncResult AlreadySynced(string runId) => new(runId, 0, 0, 0, 0, 0, 0);
}
