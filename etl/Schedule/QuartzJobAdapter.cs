using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// The one Quartz job type: each schedules.json job is a durable JobDetail of this type named after
/// it. [DisallowConcurrentExecution] keeps two firings of the same job apart; the thread pool of one
/// keeps different jobs apart in this process; the writer lock keeps other processes out.
/// A failed attempt is thrown back to Quartz so the trigger's retry policy applies.
/// </summary>
[DisallowConcurrentExecution]
public sealed class QuartzJobAdapter(JobExecutor executor, ScheduleRuntime runtime) : IJob
{
    public const string TriggeredByKey = "triggered_by";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = runtime.Config.Find(context.JobDetail.Key.Name)
            ?? throw new JobExecutionException($"job {context.JobDetail.Key.Name} is not in {runtime.Config.SourcePath}");
        var triggeredBy = context.MergedJobDataMap.TryGetString(TriggeredByKey, out var by) && by is not null ? by : "schedule";
        var record = await executor.RunAsync(job, runtime.DataDir, triggeredBy, context.RetryAttempt + 1, cancellationToken);
        context.Result = record;
        if (record.Status == JobOutcome.FailedStatus)
            throw new JobExecutionException(record.Message ?? "failed");
    }
}
