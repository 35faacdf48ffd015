using Monitoring.Etl.Pipeline;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Ingests the newest export of the drop folder through the pipeline, unless a succeeded run has
/// already loaded its export_id. Does NOT take the writer lock: PipelineRunner.RunAsync takes it
/// itself for the whole run (a second holder here would only widen the window, and reentrancy is
/// per flow, so taking it here is harmless but pointless).
/// </summary>
public sealed class IngestLatestExportJob : IScheduledJob
{
    public string Type => JobTypes.IngestLatestExport;

    public async Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct)
    {
        var drop = job.Settings.DropFolder ?? throw new JobFailedException("no drop_folder configured");
        if (!Directory.Exists(drop)) throw new JobFailedException($"drop folder {drop} does not exist");

        var newest = ExportDropFolder.FindNewest(drop);
        if (newest is null) return JobOutcome.Skipped($"no export in {drop}");

        if (newest.ExportId is { } exportId && LoadedExports.FindSucceededRun(dataDir, exportId) is { } runId)
            return JobOutcome.Skipped($"export {exportId} already loaded by run {runId}", exportId);

        RunReport report;
        try
        {
            report = await PipelineRunner.RunAsync(new PipelineOptions
            {
                Source = newest.Path,
                DataDir = dataDir,
                Demo = job.Settings.Demo,
                Guard = Guard(job.Settings),
            }, progress: null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pipeline promises a report rather than an exception; if it throws anyway, keep which export it was reading.
            throw new JobFailedException($"pipeline crashed on {Path.GetFileName(newest.Path)}: {e.GetType().Name}: {e.Message}", newest.ExportId);
        }

        var readId = report.ExportId ?? newest.ExportId;
        return report.Status switch
        {
            RunStatus.Succeeded => JobOutcome.Succeeded(report.Files.Values.Sum(f => f.Loaded), readId, $"run {report.RunId} published"),
            RunStatus.Skipped => JobOutcome.Skipped(report.Error ?? $"pipeline skipped run {report.RunId}", readId),
            _ => throw new JobFailedException($"pipeline {report.Status.Text()} run {report.RunId}: {report.Error}", readId),
        };
    }

    static PublishGuard Guard(JobSettings settings)
    {
        var configured = PublishGuard.FromEnvironment();
        return configured with
        {
            MaxQuarantinedShare = settings.MaxQuarantined ?? configured.MaxQuarantinedShare,
            MaxRowLossShare = settings.MaxRowLoss ?? configured.MaxRowLossShare,
        };
    }
}
