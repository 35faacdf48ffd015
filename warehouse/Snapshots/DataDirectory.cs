namespace Monitoring.Warehouse.Snapshots;

/// <summary>The layout of DATA_DIR (docs/ARCHITECTURE.md), in one place.</summary>
public sealed class DataDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string CurrentFile => Path.Combine(Root, "CURRENT");
    public string SnapshotsDir => Path.Combine(Root, "snapshots");
    public string BuildingDir => Path.Combine(Root, "building");
    public string RunsDir => Path.Combine(Root, "runs");
    public string QuarantineDir => Path.Combine(Root, "quarantine");
    public string LandingDir => Path.Combine(Root, "landing");
    public string FollowUpDatabase => Path.Combine(Root, "followup.duckdb");
    public string JobsDatabase => Path.Combine(Root, "jobs.duckdb");
    /// <summary>Quartz's persistent job store (SQLite): triggers and their next fire times survive a restart.</summary>
    public string SchedulerDatabase => Path.Combine(Root, "scheduler.sqlite");
    /// <summary>Alerts (issue 15): each user's read marks, e-mail subscriptions and digest delivery state, one file per user.</summary>
    public string AlertsDir => Path.Combine(Root, "alerts");
    public string AlertInboxDir => Path.Combine(AlertsDir, "inbox");
    public string AlertSubscriptionsDir => Path.Combine(AlertsDir, "subscriptions");
    public string AlertDigestDir => Path.Combine(AlertsDir, "digest");

    public string Snapshot(string runId) => Path.Combine(SnapshotsDir, runId);
    public string Building(string runId) => Path.Combine(BuildingDir, runId);
    public string Landing(string runId) => Path.Combine(LandingDir, runId);
    public string Quarantine(string runId) => Path.Combine(QuarantineDir, runId);
    public string RunReport(string runId) => Path.Combine(RunsDir, runId + ".json");
    /// <summary>A user's file in one of the alert folders; the key is a hash of the user id (<c>AlertUserKey</c>), never the id.</summary>
    public static string AlertUserFile(string alertFolder, string userKey) => Path.Combine(alertFolder, userKey + ".json");

    public static string WarehouseFile(string snapshotDir) => Path.Combine(snapshotDir, "warehouse.duckdb");
    public static string LakeDir(string snapshotDir) => Path.Combine(snapshotDir, "lake");
}
