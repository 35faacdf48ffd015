using Monitoring.DataDir.Operations;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Schedule;

/// <summary>Runs a job whose work lives elsewhere (rebuild, publish) behind the writer lock.</summary>
public sealed class HookJob(string type, Func<string, CancellationToken, Task> hook) : IScheduledJob
{
    public string Type { get; } = type;

    public async Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct)
    {
        if (!WriterLock.TryAcquire(dataDir, JobExecutor.LockHolder(job), out var writerLock, out var heldBy))
            throw new JobFailedException($"data directory {dataDir} is being written by {heldBy}");
        using (writerLock)
        {
            await hook(dataDir, ct);
            return JobOutcome.Succeeded(message: $"current snapshot {new SnapshotStore(dataDir).CurrentRunId() ?? "none"}");
        }
    }
}
