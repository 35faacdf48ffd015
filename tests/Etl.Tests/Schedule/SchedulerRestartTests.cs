using Microsoft.Extensions.DependencyInjection;
using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Quartz;

namespace Monitoring.Tests.Etl.Schedule;

/// <summary>
/// The scheduler's state lives in DATA_DIR/scheduler.sqlite (Quartz's persistent store): a host stopped
/// across a trigger time catches the missed firing up on its next start, as each job's misfire policy says.
/// </summary>
public class SchedulerRestartTests
{
    static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_firing_missed_while_the_host_was_down_is_caught_up_once_or_skipped_as_its_misfire_policy_says()
    {
        using var dir = new TempDataDir();
        // Both jobs are due once a minute at the same second, ~8 s from now: the host is down by then.
        var due = DateTimeOffset.UtcNow.AddSeconds(8);
        due = due.AddTicks(-(due.Ticks % TimeSpan.TicksPerSecond));
        var cron = $"{due.Second} * * * * ?";
        var config = dir.WriteConfig($$"""
            { "time_zone": "UTC", "jobs": [
                { "name": "catch-up", "type": "housekeeping", "cron": "{{cron}}", "misfire": "fire_once_now" },
                { "name": "skip", "type": "housekeeping", "cron": "{{cron}}", "misfire": "do_nothing" } ] }
            """);

        var first = await ScheduledRun.StartAsync(config, dir.Data, Threshold);
        var scheduler = await first.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var stored = await scheduler.GetTrigger(new TriggerKey("catch-up.cron"));
        // A loaded machine may take longer than 8 s to start the host: then the occurrence a minute later is the one missed.
        if (stored!.NextFireTimeUtc != due) due = due.AddMinutes(1);
        Assert.Equal(due, stored.NextFireTimeUtc);
        await first.DisposeAsync();
        Assert.True(DateTimeOffset.UtcNow < due, "the first host must stop before the trigger time; the machine was too slow");
        Assert.True(File.Exists(new DataDirectory(dir.Data).SchedulerDatabase));

        // Down across the trigger time, and past the misfire threshold.
        var late = due + Threshold + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        if (late > TimeSpan.Zero) await Task.Delay(late);
        Assert.Empty(JobHistory.Recent(dir.Data, 10));

        var restarted = DateTimeOffset.UtcNow;
        await using var second = await ScheduledRun.StartAsync(config, dir.Data, Threshold);
        var runs = await second.WaitForAsync(r => r.Any(x => x.JobName == "catch-up"), timeoutSeconds: 30);
        // Give a wrongly caught-up "skip" (or a second catch-up) the time to show itself.
        await Task.Delay(TimeSpan.FromSeconds(3));
        runs = JobHistory.Recent(dir.Data, 10).ToList();
        Assert.True(DateTimeOffset.UtcNow < due.AddSeconds(55), "the next occurrence would blur the check; the machine was too slow");

        var caughtUp = Assert.Single(runs, r => r.JobName == "catch-up");
        Assert.Equal(("succeeded", "schedule"), (caughtUp.Status, caughtUp.TriggeredBy));
        Assert.True(new DateTimeOffset(caughtUp.StartedAt, TimeSpan.Zero) >= restarted.AddSeconds(-1), "ran after the restart, not before");
        Assert.DoesNotContain(runs, r => r.JobName == "skip");
        // do_nothing: the missed firing is dropped and the trigger waits for its next occurrence, a minute on.
        var secondScheduler = await second.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var skip = await secondScheduler.GetTrigger(new TriggerKey("skip.cron"));
        Assert.Equal(due.AddMinutes(1), skip!.NextFireTimeUtc);
    }

    [Fact]
    public async Task A_changed_cron_in_schedules_json_replaces_the_stored_trigger_and_a_removed_job_leaves_the_store()
    {
        using var dir = new TempDataDir();
        var config = dir.WriteConfig("""
            { "time_zone": "UTC", "jobs": [
                { "name": "tidy", "type": "housekeeping", "cron": "0 0 4 * * ?" },
                { "name": "old", "type": "housekeeping", "cron": "0 0 5 * * ?" } ] }
            """);
        await (await ScheduledRun.StartAsync(config, dir.Data)).DisposeAsync();

        dir.WriteConfig("""
            { "time_zone": "UTC", "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "0 30 3 * * ?" } ] }
            """);
        await using var run = await ScheduledRun.StartAsync(config, dir.Data);
        var scheduler = await run.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var tidy = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("tidy.cron")));
        Assert.Equal("0 30 3 * * ?", tidy.CronExpressionString);
        Assert.Equal(3, tidy.NextFireTimeUtc!.Value.Hour);
        Assert.Null(await scheduler.GetJobDetail(new JobKey("old")));
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("old.cron")));
    }
}
