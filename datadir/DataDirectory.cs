using Monitoring.DataDir.FollowUp;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir.Releases;

namespace Monitoring.DataDir;

/// <summary>
/// The layout of DATA_DIR (docs/ARCHITECTURE.md, "DATA_DIR layout"), in one place: no other code builds a path in
/// it. Hosts find the folder with <see cref="Locate"/>; everything below <see cref="Root"/> is named here.
/// </summary>
public sealed class DataDirectory(string root)
{
    /// <summary>The environment variable naming DATA_DIR when no --data is given.</summary>
    public const string EnvironmentVariable = "DATA_DIR";

    /// <summary>DATA_DIR when neither --data nor the environment names one: ./data, relative to the current folder.</summary>
    public const string DefaultFolder = "data";

    /// <summary>
    /// The one rule every host (etl, scheduler, dashboards) uses to find DATA_DIR: the folder the operator gave
    /// (<c>--data</c>, or the host's own setting), else the DATA_DIR environment variable, else ./data. Always absolute.
    /// </summary>
    public static string Locate(string? given) =>
        Path.GetFullPath(NonEmpty(given) ?? NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? DefaultFolder);

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public string Root { get; } = Path.GetFullPath(root);

    // Snapshots: CURRENT names the one in service (read by SnapshotStore.CurrentRunId, the only rule).
    public string CurrentFile => Path.Combine(Root, "CURRENT");
    /// <summary>Written first and renamed over CURRENT, so a reader never sees half a run id.</summary>
    public string CurrentTempFile => CurrentFile + ".tmp";
    public string SnapshotsDir => Path.Combine(Root, "snapshots");
    public string BuildingDir => Path.Combine(Root, "building");
    public string RunsDir => Path.Combine(Root, "runs");
    public string QuarantineDir => Path.Combine(Root, "quarantine");
    public string LandingDir => Path.Combine(Root, "landing");
    /// <summary>DuckDB's spill files above its memory limit, outside the landing database (pseudonymized rows only): a run's
    /// warehouse build in tmp/&lt;run_id&gt;, a release or extract in tmp/read-&lt;pid&gt;-&lt;random&gt;. Each owner deletes its
    /// folder when done; the landing clean-up removes what a killed process left.</summary>
    public string TempDir => Path.Combine(Root, "tmp");
    /// <summary>Prefix of a spill folder owned by a reader that holds no writer lock (publish, extract), followed by its process id.</summary>
    public const string ReaderTempPrefix = "read-";
    /// <summary>Where housekeeping moves a folder before deleting it, so none is ever half-deleted in place.</summary>
    public string TrashDir => Path.Combine(Root, ".trash");

    // Outside the snapshots: survive every run.
    public string FollowUpDatabase => Path.Combine(Root, FollowUpRegister.FileName);
    public string JobsDatabase => Path.Combine(Root, JobHistory.FileName);
    /// <summary>Quartz's persistent job store (SQLite): triggers and their next fire times survive a restart.</summary>
    public string SchedulerDatabase => Path.Combine(Root, "scheduler.sqlite");
    /// <summary>Alerts (issue 15): each user's read marks, e-mail subscriptions and digest delivery state, one file per user.</summary>
    public string AlertsDir => Path.Combine(Root, "alerts");
    public string AlertInboxDir => Path.Combine(AlertsDir, "inbox");
    public string AlertSubscriptionsDir => Path.Combine(AlertsDir, "subscriptions");
    public string AlertDigestDir => Path.Combine(AlertsDir, "digest");
    /// <summary>A user's file in one of the alert folders; the key is a hash of the user id (<c>AlertUserKey</c>), never the id.</summary>
    public static string AlertUserFile(string alertFolder, string userKey) => Path.Combine(alertFolder, userKey + ".json");
    public string WriterLockFile => Path.Combine(Root, WriterLock.FileName);
    public string WriterLockHolderFile => Path.Combine(Root, WriterLock.HolderFileName);

    // Publications read by the dashboards' download pages.
    /// <summary>The open-data releases the publish-open-data job writes (any --out folder has the same shape).</summary>
    public string OpenDataDir => Path.Combine(Root, "opendata");
    /// <summary>The research extracts the dashboards offer (`monitoring-etl extract --out DATA_DIR/research`).</summary>
    public string ResearchDir => Path.Combine(Root, "research");

    public string Snapshot(string runId) => Path.Combine(SnapshotsDir, runId);
    public string Building(string runId) => Path.Combine(BuildingDir, runId);
    public string Landing(string runId) => Path.Combine(LandingDir, runId);
    public string Temp(string owner) => Path.Combine(TempDir, owner);
    public string Quarantine(string runId) => Path.Combine(QuarantineDir, runId);
    public string RunReport(string runId) => Path.Combine(RunsDir, runId + ".json");
    /// <summary>A run-id folder of snapshots/, quarantine/ or building/ as housekeeping names it inside the trash.</summary>
    public string Trash(string parentDir, string runId) => Path.Combine(TrashDir, $"{Path.GetFileName(parentDir)}-{runId}");

    // Inside one snapshot (built in building/<run>, then moved whole).
    public static string WarehouseFile(string snapshotDir) => Path.Combine(snapshotDir, "warehouse.duckdb");
    public static string LakeDir(string snapshotDir) => Path.Combine(snapshotDir, "lake");
    /// <summary>The run report travels inside the snapshot it published, beside runs/&lt;run&gt;.json.</summary>
    public static string SnapshotRunReport(string snapshotDir) => Path.Combine(snapshotDir, "run.json");
    /// <summary>Written by a rebuild: which snapshot it recomputed.</summary>
    public static string RebuiltFromFile(string snapshotDir) => Path.Combine(snapshotDir, "rebuilt-from.json");
    /// <summary>Written by a lake compaction: which snapshot's lake it folded, and which tables.</summary>
    public static string CompactedFromFile(string snapshotDir) => Path.Combine(snapshotDir, "compacted-from.json");

    // Inside one run's landing folder (personal data in clear; removed when the run ends).
    public static string UnzippedDir(string landingDir) => Path.Combine(landingDir, "unzipped");
    public static string LineEndsDir(string landingDir) => Path.Combine(landingDir, "line-ends");
    public static string SpillDir(string landingDir) => Path.Combine(landingDir, "spill");

    // Inside a release or extract folder.
    public static string ReleaseManifest(string releaseDir) => Path.Combine(releaseDir, OpenDataReleases.ManifestFile);
    public static string LatestRelease(string openDataDir) => Path.Combine(openDataDir, OpenDataReleases.LatestFile);
    public static string ExtractReport(string extractDir) => Path.Combine(extractDir, ResearchExtracts.ReportFile);
}
