using Microsoft.Extensions.DependencyInjection;
using Monitoring.Etl.Schedule;
using Quartz;

namespace Monitoring.Tests.Etl.Schedule;

public class ScheduleHostTests
{
    [Fact]
    public async Task The_shipped_schedule_fires_in_Rome_time_across_daylight_saving()
    {
        using var dir = new TempDataDir();
        var config = ScheduleConfigLoader.Load(Path.Combine(ScheduleConfigLoaderTests.RepositoryRoot(), "schedules.json"));
        using var host = ScheduleHost.Build(config, dir.Data);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var ingest = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("ingest.cron")));
            Assert.Equal("Europe/Rome", ingest.TimeZone.Id);
            // 02:30 in Rome is 00:30Z under summer time (UTC+2) and 01:30Z under winter time (UTC+1; back on 31 Oct 2027).
            // (Dates ahead of today: a trigger answers nothing before its own start.)
            Assert.Equal(new DateTimeOffset(2027, 7, 1, 0, 30, 0, TimeSpan.Zero), ingest.GetFireTimeAfter(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.Equal(new DateTimeOffset(2027, 11, 2, 1, 30, 0, TimeSpan.Zero), ingest.GetFireTimeAfter(new DateTimeOffset(2027, 11, 2, 0, 0, 0, TimeSpan.Zero)));
            Assert.Equal(3, ingest.RetryPolicy!.MaxAttempts);

            var housekeeping = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("housekeeping.cron")));
            Assert.Equal(CronTriggerMisfireInstruction.DoNothing, housekeeping.MisfireInstruction);

            // rebuild has no cron: stored durably, without a trigger of its own, waiting to be chained.
            Assert.NotNull(await scheduler.GetJobDetail(new JobKey("rebuild")));
            Assert.Null(await scheduler.GetTrigger(new TriggerKey("rebuild.cron")));
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }
}
