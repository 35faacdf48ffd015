namespace Monitoring.Etl.Schedule;

/// <summary>
/// One kind of job (see <see cref="JobTypes"/>). Returns succeeded or skipped; a failure is an
/// exception (<see cref="JobFailedException"/> for expected ones), which the scheduler retries
/// per the job's policy. Knows nothing of Quartz, so run-job and the scheduler run the same code.
/// </summary>
public interface IScheduledJob
{
    string Type { get; }
    Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct);
}
