using System.Text.RegularExpressions;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Keeps DATA_DIR small: the newest keep_snapshots snapshots (plus the one CURRENT names, always),
/// the newest keep_quarantine quarantine/&lt;run_id&gt; folders (plus the current run's), and no
/// building/ leftovers of killed runs, and nothing under landing/ (unpacked exports: personal data in clear). Holds the writer lock throughout, so no run is building or
/// publishing while folders go. A folder is first renamed into DATA_DIR/.trash and then deleted, so
/// a housekeeping stopped half-way never leaves a half-deleted folder under snapshots/.
/// Only folders named like a run id are touched.
/// </summary>
public sealed partial class HousekeepingJob : IScheduledJob
{
    [GeneratedRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{6}$")]
    private static partial Regex RunIdPattern();

    public const string TrashFolder = ".trash";

    public string Type => JobTypes.Housekeeping;

    public Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct)
    {
        if (!WriterLock.TryAcquire(dataDir, JobExecutor.LockHolder(job), out var writerLock, out var heldBy))
            throw new JobFailedException($"data directory {dataDir} is being written by {heldBy}; housekeeping will try again");
        using (writerLock)
        {
            var current = CurrentRunId(dataDir);
            var trash = Path.Combine(dataDir, TrashFolder);
            EmptyTrash(trash); // left over by a housekeeping that was stopped

            var keepQuarantine = job.Settings.KeepQuarantine ?? job.Settings.KeepSnapshots;
            var snapshots = Prune(Path.Combine(dataDir, "snapshots"), job.Settings.KeepSnapshots, current, trash, ct);
            var quarantine = Prune(Path.Combine(dataDir, "quarantine"), keepQuarantine, current, trash, ct);
            var building = job.Settings.CleanBuilding ? Prune(Path.Combine(dataDir, "building"), 0, null, trash, ct) : 0;
            EmptyTrash(trash);
            // Always, whatever the settings: a killed run's landing folder holds personal data in clear.
            var landing = LandingArea.Clean(new DataDirectory(dataDir));

            var removed = snapshots + quarantine + building + landing;
            return Task.FromResult(JobOutcome.Succeeded(removed,
                message: $"removed {snapshots} snapshot(s), {quarantine} quarantine folder(s), {building} building leftover(s), {landing} landing leftover(s); current {current ?? "none"}"));
        }
    }

    /// <summary>The run id in DATA_DIR/CURRENT, or null when nothing is published yet.</summary>
    public static string? CurrentRunId(string dataDir)
    {
        var file = Path.Combine(dataDir, "CURRENT");
        if (!File.Exists(file)) return null;
        var id = File.ReadAllText(file).Trim();
        return id.Length == 0 ? null : id;
    }

    /// <summary>Moves all but the newest <paramref name="keep"/> run folders (and never <paramref name="protect"/>) to the trash.</summary>
    private static int Prune(string parent, int keep, string? protect, string trash, CancellationToken ct)
    {
        if (!Directory.Exists(parent)) return 0;
        var runs = Directory.EnumerateDirectories(parent)
            .Select(Path.GetFileName)
            .Where(name => name is not null && RunIdPattern().IsMatch(name))
            .OrderDescending(StringComparer.Ordinal) // run ids sort by time
            .ToList();
        var removed = 0;
        foreach (var name in runs.Skip(keep))
        {
            ct.ThrowIfCancellationRequested();
            if (name == protect) continue;
            Directory.CreateDirectory(trash);
            var target = Path.Combine(trash, $"{Path.GetFileName(parent)}-{name}");
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(Path.Combine(parent, name!), target);
            removed++;
        }
        return removed;
    }

    private static void EmptyTrash(string trash)
    {
        if (Directory.Exists(trash)) Directory.Delete(trash, recursive: true);
    }
}
