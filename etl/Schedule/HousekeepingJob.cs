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

    public string Type => JobTypes.Housekeeping;

    public Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct)
    {
        if (!WriterLock.TryAcquire(dataDir, JobExecutor.LockHolder(job), out var writerLock, out var heldBy))
            throw new JobFailedException($"data directory {dataDir} is being written by {heldBy}; housekeeping will try again");
        using (writerLock)
        {
            var dir = new DataDirectory(dataDir);
            var current = new SnapshotStore(dataDir).CurrentRunId();
            EmptyTrash(dir.TrashDir); // left over by a housekeeping that was stopped

            var keepQuarantine = job.Settings.KeepQuarantine ?? job.Settings.KeepSnapshots;
            var snapshots = Prune(dir, dir.SnapshotsDir, job.Settings.KeepSnapshots, current, ct);
            var quarantine = Prune(dir, dir.QuarantineDir, keepQuarantine, current, ct);
            var building = job.Settings.CleanBuilding ? Prune(dir, dir.BuildingDir, 0, null, ct) : 0;
            EmptyTrash(dir.TrashDir);
            // Always, whatever the settings: a killed run's landing folder holds personal data in clear.
            var landing = LandingArea.Clean(dir);

            var removed = snapshots + quarantine + building + landing;
            return Task.FromResult(JobOutcome.Succeeded(removed,
                message: $"removed {snapshots} snapshot(s), {quarantine} quarantine folder(s), {building} building leftover(s), {landing} landing leftover(s); current {current ?? "none"}"));
        }
    }

    /// <summary>Moves all but the newest <paramref name="keep"/> run folders (and never <paramref name="protect"/>) to the trash.</summary>
    private static int Prune(DataDirectory dir, string parent, int keep, string? protect, CancellationToken ct)
    {
        if (!Directory.Exists(parent)) return 0;
        var runs = Directory.EnumerateDirectories(parent)
            .Where(folder => RunIdPattern().IsMatch(Path.GetFileName(folder)))
            .OrderDescending(StringComparer.Ordinal) // run ids sort by time
            .ToList();
        var removed = 0;
        foreach (var folder in runs.Skip(keep))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(folder);
            if (name == protect) continue;
            Directory.CreateDirectory(dir.TrashDir);
            var target = dir.Trash(parent, name);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(folder, target);
            removed++;
        }
        return removed;
    }

    private static void EmptyTrash(string trash)
    {
        if (Directory.Exists(trash)) Directory.Delete(trash, recursive: true);
    }
}
