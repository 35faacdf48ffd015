using Microsoft.Extensions.Logging;
using Monitoring.DataDir.Operations;
using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Starts a job's followed_by jobs when it succeeds — not when it was skipped (nothing new) nor
/// when it failed. Each follower gets a one-shot trigger carrying its own retry policy.
/// </summary>
public sealed class FollowerChainListener(ScheduleRuntime runtime, ILogger<FollowerChainListener> log) : IJobListener
{
    public string Name => "follower-chain";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.Result is not JobRunRecord { Status: JobOutcome.SucceededStatus } record) return;
        var job = runtime.Config.Find(record.JobName);
        if (job is null) return;
        foreach (var followerName in job.FollowedBy)
        {
            var follower = runtime.Config.Find(followerName);
            if (follower is null) continue;
            if (!follower.Enabled)
            {
                log.LogInformation("{Job} succeeded; follower {Follower} is disabled, not started", job.Name, follower.Name);
                continue;
            }
            var trigger = TriggerBuilder.Create()
                .ForJob(follower.Name)
                .WithIdentity($"{follower.Name}.after.{job.Name}.{context.FireInstanceId}")
                .UsingJobData(QuartzJobAdapter.TriggeredByKey, "chain")
                .StartNow();
            if (follower.Retry is { } retry) trigger = trigger.WithRetryPolicy(retry);
            await context.Scheduler.ScheduleJob(trigger.Build(), cancellationToken: cancellationToken);
            log.LogInformation("{Job} succeeded; started {Follower}", job.Name, follower.Name);
        }
    }
}
