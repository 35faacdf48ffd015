using Microsoft.Extensions.Logging;
using Monitoring.DataDir.Operations;
using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Records every attempt in DATA_DIR/jobs.duckdb once Quartz has decided what follows it, so the
/// record says whether a retry is scheduled (context.RetryScheduled is only known after Execute).
/// </summary>
public sealed class JobHistoryListener(ScheduleRuntime runtime, ILogger<JobHistoryListener> log) : IJobListener
{
    public string Name => "job-history";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.Result is not JobRunRecord record) return default; // the adapter could not even find its job
        record = record with { RetryScheduled = context.RetryScheduled };
        try
        {
            JobHistory.Record(runtime.DataDir, record);
        }
        catch (Exception e)
        {
            // Losing a history row must not stop the scheduler; say so loudly instead.
            log.LogError("could not record {Job} attempt {Attempt} in {File}: {Error}", record.JobName, record.Attempt, JobHistory.FileName, e.Message);
        }
        var level = record.Status == JobOutcome.FailedStatus ? LogLevel.Warning : LogLevel.Information;
        log.Log(level, "{Job} attempt {Attempt}: {Status}{Retry} — {Message}", record.JobName, record.Attempt, record.Status,
            record.RetryScheduled ? " (retry scheduled)" : "", record.Message);
        return default;
    }
}
