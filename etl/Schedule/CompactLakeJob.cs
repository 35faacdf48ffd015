using Monitoring.Etl.Lake;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// The "compact-lake" job: housekeeping of the merge-on-read lake (<see cref="LakeCompactor"/>). Skipped when no table
/// has more than max_delta_files delta files; otherwise publishes the compacted snapshot. Takes the writer lock, so it
/// never runs beside a load; a load that finds it held fails and is retried by its own policy.
/// </summary>
public sealed class CompactLakeJob : IScheduledJob
{
    public string Type => JobTypes.CompactLake;

    public Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct)
    {
        LakeCompactor.Result result;
        try { result = LakeCompactor.Compact(dataDir, job.Settings.MaxDeltaFiles, null, ct); }
        catch (InvalidOperationException e) { throw new JobFailedException(e.Message); }
        if (result.RunId is null)
            return Task.FromResult(JobOutcome.Skipped($"no lake table has more than {job.Settings.MaxDeltaFiles} delta file(s)"));
        return Task.FromResult(JobOutcome.Succeeded(result.FilesBefore,
            message: $"compacted {string.Join(", ", result.Tables)}: {result.FilesBefore} → {result.FilesAfter} lake file(s), warehouse {result.WarehouseBytesBefore / 1048576.0:N0} → {result.WarehouseBytesAfter / 1048576.0:N0} MB; current {result.RunId}"));
    }
}
