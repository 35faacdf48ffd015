using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Monitoring.Etl.Schedule;

/// <summary>The job implementations and hooks, registered once for both the scheduler and run-job.</summary>
public static class ScheduleServices
{
    /// <summary>
    /// Registers the job types. The rebuild and publish hooks are TryAdd'ed: register your own
    /// <see cref="RebuildIndicatorsHook"/> / <see cref="PublishOpenDataHook"/> before this call to replace them.
    /// </summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, ScheduleConfig config, string dataDir)
    {
        services.AddSingleton(new ScheduleRuntime(config, Path.GetFullPath(dataDir)));
        services.TryAddSingleton<RebuildIndicatorsHook>(DefaultRebuildHook.RunAsync);
        services.TryAddSingleton<PublishOpenDataHook>(DefaultPublishHook.RunAsync);
        services.AddSingleton<IScheduledJob, IngestLatestExportJob>();
        services.AddSingleton<IScheduledJob, HousekeepingJob>();
        services.AddSingleton<IScheduledJob, CompactLakeJob>();
        services.AddSingleton<IScheduledJob, Digest.AlertDigestJob>();
        services.AddSingleton<IScheduledJob>(sp => new HookJob(JobTypes.RebuildIndicators, sp.GetRequiredService<RebuildIndicatorsHook>().Invoke));
        services.AddSingleton<IScheduledJob>(sp => new HookJob(JobTypes.PublishOpenData, sp.GetRequiredService<PublishOpenDataHook>().Invoke));
        services.AddSingleton<JobExecutor>();
        return services;
    }
}
