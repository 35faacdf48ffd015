using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Etl.Schedule.Store;
using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// The generic host running the Quartz scheduler for one schedule and one data directory.
/// Its state (jobs, triggers, next fire times) lives in Quartz's persistent job store in
/// DATA_DIR/scheduler.sqlite, so a firing missed while the process was down is caught up on the next
/// start as the job's misfire policy says (fire_once_now: once, at start; do_nothing: wait for the next).
/// Ctrl+C / SIGTERM stop it gracefully: no new firing starts and running jobs are waited for
/// (WaitForJobsToComplete), up to <see cref="ShutdownTimeout"/>.
/// </summary>
public static class ScheduleHost
{
    /// <summary>How long a stop waits for a running job: an ingest of a full export takes minutes, not hours.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How late a firing may be before it counts as missed (Quartz's default).</summary>
    public static readonly TimeSpan DefaultMisfireThreshold = TimeSpan.FromMinutes(1);

    public static IHost Build(ScheduleConfig config, string dataDir, Action<IServiceCollection>? configure = null, TimeSpan? misfireThreshold = null)
    {
        var store = SchedulerStore.ConnectionString(dataDir);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        configure?.Invoke(builder.Services);
        builder.Services.AddScheduledJobs(config, dataDir);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.Configure<QuartzOptions>(o =>
        {
            // Keep what the store holds: replacing a trigger would move its next fire time past the
            // firing it missed. StoredTriggerSync replaces the triggers whose definition changed.
            o.Scheduling.OverwriteExistingData = false;
            o.Scheduling.IgnoreDuplicates = true;
        });
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerStore.SchedulerName(dataDir);
                // A job is never cancelled half-way by a stop: it finishes (and publishes atomically) first.
                o.ShutdownJobInterruption = ShutdownJobInterruption.Never;
            });
            // One job at a time in this process: two writers never overlap, even different jobs.
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = 1);
            q.UsePersistentStore(s =>
            {
                s.UseSqlite(store);
                // Quartz's own SQLite tables, created when missing (never altered or dropped).
                s.ProvisionSchema();
                s.UseSystemTextJsonSerializer();
                s.ConfigureStore(o =>
                {
                    // Job data as string key-values, readable in the store and version tolerant.
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = misfireThreshold ?? DefaultMisfireThreshold;
                });
            });
            foreach (var job in config.Jobs)
            {
                q.AddJob<QuartzJobAdapter>(j => j.WithIdentity(job.Name).WithDescription(job.Type).StoreDurably());
                if (!job.Enabled || job.Cron is null) continue;
                q.AddTrigger(t =>
                {
                    t.ForJob(job.Name)
                        .WithIdentity(CronTriggerName(job))
                        .UsingJobData(QuartzJobAdapter.TriggeredByKey, "schedule")
                        .WithCronSchedule(job.Cron, c => c.InTimeZone(config.TimeZone).WithMisfireInstruction(job.Misfire));
                    if (job.Retry is { } retry) t.WithRetryPolicy(retry);
                });
            }
            q.AddJobListener<JobHistoryListener>();
            q.AddJobListener<FollowerChainListener>();
        });
        // Registered before Quartz's hosted service, so it runs before the scheduler starts.
        builder.Services.AddHostedService<StoredTriggerSync>();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }

    public static string CronTriggerName(JobDefinition job) => $"{job.Name}.cron";

    /// <summary>The cron trigger of a job, as declared in schedules.json (the same as the one configured above).</summary>
    public static TriggerBuilder<IJob> CronTrigger(JobDefinition job, TimeZoneInfo zone)
    {
        var t = TriggerBuilder.Create();
        t.ForJob(job.Name)
            .WithIdentity(CronTriggerName(job))
            .UsingJobData(QuartzJobAdapter.TriggeredByKey, "schedule")
            .WithCronSchedule(job.Cron!, c => c.InTimeZone(zone).WithMisfireInstruction(job.Misfire));
        if (job.Retry is { } retry) t.WithRetryPolicy(retry);
        return t;
    }
}
