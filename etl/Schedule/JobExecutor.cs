using Monitoring.DataDir.Operations;

namespace Monitoring.Etl.Schedule;

/// <summary>Runs one attempt of one job and turns whatever happened into a <see cref="JobRunRecord"/> (recording is the caller's).</summary>
public sealed class JobExecutor(IEnumerable<IScheduledJob> jobs)
{
    private readonly Dictionary<string, IScheduledJob> _byType = jobs.ToDictionary(j => j.Type);

    public async Task<JobRunRecord> RunAsync(JobDefinition job, string dataDir, string triggeredBy, int attempt, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        JobOutcome outcome;
        try
        {
            if (!_byType.TryGetValue(job.Type, out var implementation))
                throw new JobFailedException($"no implementation registered for job type {job.Type}");
            outcome = await implementation.RunAsync(job, dataDir, ct);
        }
        catch (JobFailedException e)
        {
            outcome = new JobOutcome(JobOutcome.FailedStatus, null, e.ExportId, e.Message);
        }
        catch (Exception e)
        {
            // Unexpected: keep the type and message, never the stack (it lands on the dashboard).
            outcome = new JobOutcome(JobOutcome.FailedStatus, null, null, $"{e.GetType().Name}: {e.Message}");
        }
        return new JobRunRecord
        {
            JobName = job.Name,
            JobType = job.Type,
            TriggeredBy = triggeredBy,
            Attempt = attempt,
            StartedAt = started,
            FinishedAt = DateTime.UtcNow,
            Status = outcome.Status,
            Rows = outcome.Rows,
            ExportId = outcome.ExportId,
            Message = outcome.Message,
            Host = Environment.MachineName,
            Pid = Environment.ProcessId,
        };
    }

    /// <summary>How a job describes itself in the writer lock's holder note.</summary>
    public static string LockHolder(JobDefinition job) => $"job {job.Name} ({job.Type})";
}
