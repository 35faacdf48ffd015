using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Monitoring.Etl.Schedule.Store;

/// <summary>
/// Runs before the scheduler starts. Quartz keeps the triggers already in the persistent store (their
/// next fire time may lie in the past: that is the misfire to catch up), so this brings the store in
/// line with schedules.json: a cron trigger whose cron, time zone, misfire policy or retry changed is
/// replaced (a changed schedule starts afresh, it has missed nothing), and jobs or triggers no longer
/// declared or no longer enabled are removed. One-shot follower triggers left by a stopped process
/// are kept, so a follower that was due still runs.
/// </summary>
public sealed class StoredTriggerSync(ISchedulerFactory factory, ScheduleRuntime runtime, ILogger<StoredTriggerSync> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var config = runtime.Config;
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
        {
            if (config.Find(key.Name) is null)
            {
                log.LogInformation("job {Job} is no longer in {Config}: removed from the scheduler store", key.Name, config.SourcePath);
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
        foreach (var job in config.Jobs)
        {
            var key = new TriggerKey(ScheduleHost.CronTriggerName(job));
            var stored = await scheduler.GetTrigger(key, cancellationToken);
            if (stored is null) continue;
            if (!job.Enabled || job.Cron is null)
            {
                await scheduler.UnscheduleJob(key, cancellationToken);
                continue;
            }
            if (stored is ICronTrigger cron && Same(cron, job)) continue;
            log.LogInformation("the schedule of {Job} changed in {Config}: its trigger starts afresh", job.Name, config.SourcePath);
            await scheduler.RescheduleJob(key, ScheduleHost.CronTrigger(job, config.TimeZone).Build(), cancellationToken);
        }
    }

    bool Same(ICronTrigger stored, JobDefinition job) =>
        stored.CronExpressionString == job.Cron
        && stored.TimeZone.Id == runtime.Config.TimeZone.Id
        && stored.MisfireInstruction == job.Misfire
        && Equals(stored.RetryPolicy, job.Retry);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
