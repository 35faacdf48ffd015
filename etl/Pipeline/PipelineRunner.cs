using System.Diagnostics;
using System.Text.Json;
using Monitoring.Etl.Read;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using Monitoring.DataDir.Runs;
using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// Runs one export through the stages of <see cref="PipelineStages.Ingest"/>, in the same order for a full export
/// and a delta, under the writer lock. Personal data exists in clear only inside the in-memory landing database
/// and, for a .zip, the landing folder; both are gone when the run ends. The new snapshot is published only when
/// complete; a refused, failed or killed run leaves the snapshot in service untouched.
/// </summary>
public static class PipelineRunner
{
    /// <summary>Never throws for bad input: the report's status says refused/failed with a clear message.</summary>
    public static Task<RunReport> RunAsync(PipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken ct = default)
        => Task.Run(() => Run(options, progress, ct), ct);

    public static RunReport Run(PipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken ct = default)
    {
        var store = new SnapshotStore(options.DataDir);
        var dir = store.Dir;
        var report = new RunReport { RunId = SnapshotStore.NewRunId(DateTimeOffset.UtcNow), StartedAt = DateTimeOffset.UtcNow, Source = options.Source };
        var clock = Stopwatch.StartNew();
        WriterLock? writerLock;
        try
        {
            Directory.CreateDirectory(dir.RunsDir);
            if (!WriterLock.TryAcquire(dir.Root, $"pipeline run {report.RunId} (pid {Environment.ProcessId})", out writerLock, out var heldBy))
            {
                report.Status = RunStatus.Refused;
                report.Error = $"another run holds the writer lock on {dir.Root}: {heldBy}";
                return Finish(report, dir, options, clock);
            }
        }
        catch (Exception e) when (StorageProblem.Describe(e, dir.Root) is { } problem)
        {
            // DATA_DIR read-only, full or not ours: nothing can start, and the report may not be writable either.
            report.Status = RunStatus.Failed;
            report.Error = problem;
            return Finish(report, dir, options, clock);
        }
        using (writerLock)
        {
            var stages = new StageTimer(report, progress);
            try
            {
                // Leftovers of a killed run (an unpacked .zip is personal data in clear) go first: holding
                // the writer lock, no other run can be using them.
                var removed = LandingArea.Clean(dir);
                if (removed > 0) stages.Warn($"landing: removed {removed} folder(s) left by a run that was stopped");
                using (var run = new RunContext(options, store, report, stages, ct))
                    foreach (var stage in PipelineStages.Ingest)
                    {
                        // Once CURRENT names the new snapshot the run has succeeded, whatever follows.
                        if (!run.Published) ct.ThrowIfCancellationRequested();
                        stage.Run(run);
                    }
                report.Status = RunStatus.Succeeded;
            }
            catch (Exception e)
            {
                (report.Status, report.Error) = Outcome(e, dir.Root);
            }
            finally
            {
                TryDelete(dir.Landing(report.RunId));
                if (report.Status != RunStatus.Succeeded) TryDelete(dir.Building(report.RunId));
            }
            if (report.Status != RunStatus.Succeeded) report.CountNothingLoaded(report.Status == RunStatus.Refused ? "export_refused" : "run_failed");
        }
        return Finish(report, dir, options, clock);
    }

    /// <summary>What a stage's exception means for the run, by its type.</summary>
    static (RunStatus, string) Outcome(Exception e, string dataDir) => e switch
    {
        ExportRefusedException or PseudonymKeyException => (RunStatus.Refused, e.Message),
        OperationCanceledException => (RunStatus.Failed, "cancelled"),
        // First line only: engine messages may quote data further down.
        _ => (RunStatus.Failed, StorageProblem.Describe(e, dataDir) ?? $"{e.GetType().Name}: {e.Message.Split('\n')[0]}"),
    };

    /// <summary>Writes the report where it can: a full or read-only DATA_DIR must not turn a clear failure into a crash.</summary>
    static RunReport Finish(RunReport report, DataDirectory dir, PipelineOptions options, Stopwatch clock)
    {
        report.FinishedAt = DateTimeOffset.UtcNow;
        report.StageSeconds["total"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        report.PeakMemoryMb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);
        var json = JsonSerializer.Serialize(report, ReportJson.Options);
        var notWritten = new List<string>();
        void Write(string path)
        {
            try
            {
                var parent = Path.GetDirectoryName(Path.GetFullPath(path));
                if (parent is not null) Directory.CreateDirectory(parent);
                File.WriteAllText(path, json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDeleteFile(path); // never leave half a report
                notWritten.Add($"{path} ({StorageProblem.Describe(e, Path.GetDirectoryName(Path.GetFullPath(path)) ?? path) ?? e.Message})");
            }
        }
        Write(dir.RunReport(report.RunId));
        if (options.ReportPath is { } extra) Write(extra);
        if (notWritten.Count > 0) report.ReportNotWritten = "the run report could not be written to " + string.Join(" nor ", notWritten);
        return report;
    }

    static void TryDeleteFile(string path)
    {
        try { File.Delete(path); } catch (Exception) { /* the file system refuses even that */ }
    }

    static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { /* housekeeping removes leftovers */ }
    }
}

public sealed record PipelineProgress(string Stage, string? File, long Rows, double Seconds);
