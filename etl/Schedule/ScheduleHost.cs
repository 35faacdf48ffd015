using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// The generic host running the Quartz scheduler for one schedule and one data directory.
/// Ctrl+C / SIGTERM stop it gracefully: no new firing starts and running jobs are waited for
/// (WaitForJobsToComplete), up to <see cref="ShutdownTimeout"/>.
/// </summary>
public static class ScheduleHost
{
    /// <summary>How long a stop waits for a running job: an ingest of a full export takes minutes, not hours.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(30);

    public static IHost Build(ScheduleConfig config, string dataDir, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        configure?.Invoke(builder.Services);
        builder.Services.AddScheduledJobs(config, dataDir);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // Unique per host: Quartz keeps schedulers in a process-wide registry by name.
                o.InstanceName = $"monitoring-etl-{Guid.NewGuid():N}";
                // A job is never cancelled half-way by a stop: it finishes (and publishes atomically) first.
                o.ShutdownJobInterruption = ShutdownJobInterruption.Never;
            });
            // One job at a time in this process: two writers never overlap, even different jobs.
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = 1);
            q.UseInMemoryStore();
            foreach (var job in config.Jobs)
            {
                q.AddJob<QuartzJobAdapter>(j => j.WithIdentity(job.Name).WithDescription(job.Type).StoreDurably());
                if (!job.Enabled || job.Cron is null) continue;
                q.AddTrigger(t =>
                {
                    t.ForJob(job.Name)
                        .WithIdentity($"{job.Name}.cron")
                        .UsingJobData(QuartzJobAdapter.TriggeredByKey, "schedule")
                        .WithCronSchedule(job.Cron, c => c.InTimeZone(config.TimeZone).WithMisfireInstruction(job.Misfire));
                    if (job.Retry is { } retry) t.WithRetryPolicy(retry);
                });
            }
            q.AddJobListener<JobHistoryListener>();
            q.AddJobListener<FollowerChainListener>();
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }
}
