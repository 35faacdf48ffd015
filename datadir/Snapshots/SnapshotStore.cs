namespace Monitoring.DataDir.Snapshots;

/// <summary>
/// Which snapshot is in service, and the atomic swap to a new one. A snapshot is built in
/// building/&lt;run&gt;, moved whole into snapshots/&lt;run&gt; (a rename on one file system), and only
/// then named in CURRENT by writing CURRENT.tmp and renaming it over CURRENT. A reader therefore
/// sees either the old complete snapshot or the new complete one, never a half-built one; a run
/// that fails or is killed before the last rename leaves CURRENT untouched.
/// </summary>
public sealed class SnapshotStore(string dataDir)
{
    public DataDirectory Dir { get; } = new(dataDir);

    /// <summary>
    /// The run id in service, or null before the first successful run. The one rule for reading CURRENT, used by
    /// every reader (pipeline, housekeeping, jobs, dashboards): its text, trimmed, naming a snapshot folder that exists.
    /// </summary>
    public string? CurrentRunId()
    {
        try
        {
            var id = File.ReadAllText(Dir.CurrentFile).Trim();
            return id.Length > 0 && Directory.Exists(Dir.Snapshot(id)) ? id : null;
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
    }

    /// <summary>The folder of the snapshot in service, or null.</summary>
    public string? CurrentSnapshotDir() => CurrentRunId() is { } id ? Dir.Snapshot(id) : null;

    /// <summary>The warehouse file in service, or null.</summary>
    public string? CurrentWarehouse() => CurrentSnapshotDir() is { } d ? DataDirectory.WarehouseFile(d) : null;

    /// <summary>A read-only DuckDB connection string for the warehouse in service.</summary>
    public string? CurrentConnectionString() =>
        CurrentWarehouse() is { } w ? $"Data Source={w};ACCESS_MODE=READ_ONLY" : null;

    /// <summary>Moves a finished build into place and names it current.</summary>
    public void Publish(string runId)
    {
        Directory.CreateDirectory(Dir.SnapshotsDir);
        var target = Dir.Snapshot(runId);
        Directory.Move(Dir.Building(runId), target);
        var tmp = Dir.CurrentTempFile;
        using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(runId + "\n");
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(tmp, Dir.CurrentFile, overwrite: true);
    }

    /// <summary>Snapshot run ids present on disk, oldest first (run ids sort by time).</summary>
    public IReadOnlyList<string> SnapshotIds() =>
        Directory.Exists(Dir.SnapshotsDir)
            ? Directory.GetDirectories(Dir.SnapshotsDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public static string NewRunId(DateTimeOffset now) =>
        $"{RunIdTime(now.UtcDateTime)}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

    /// <summary>The time part a run id starts with (UTC, to the second): run ids sort by it.</summary>
    public static string RunIdTime(DateTime utc) => utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
