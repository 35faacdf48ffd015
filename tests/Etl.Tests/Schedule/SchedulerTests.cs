using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.Etl.Schedule;

/// <summary>A real Quartz scheduler in a real generic host, firing on real crons against temp data dirs.</summary>
public class SchedulerTests
{
    private const string PreviousRun = "20261025T020000Z-abc123";

    // Once a minute, a few seconds from now: the retries (well under a second apart, though Quartz
    // may start one a second or two late) fit before the next occurrence, which Quartz would let win.
    // A one-shot cron with a year would be refused as "never fires" when a loaded machine is slow to start the host;
    // this one then simply fires a minute later.
    private static string OnceAMinuteSoon => $"{(DateTime.UtcNow.Second + 4) % 60} * * * * ?";

    [Fact]
    public async Task A_job_fires_every_second_on_its_cron()
    {
        using var dir = new TempDataDir();
        var config = dir.WriteConfig("""
            { "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "* * * * * ?" } ] }
            """);

        await using var run = await ScheduledRun.StartAsync(config, dir.Data);
        var runs = await run.WaitForAsync(r => r.Count(x => x.JobName == "tidy") >= 3);

        var tidy = runs.Where(r => r.JobName == "tidy").Take(3).ToList();
        Assert.All(tidy, r => Assert.Equal(("succeeded", "schedule", 1), (r.Status, r.TriggeredBy, r.Attempt)));
        // One firing a second: three firings span at least ~2 s (start times are wall-clock, Quartz fires on the second).
        Assert.True((tidy[2].StartedAt - tidy[0].StartedAt).TotalSeconds >= 1.5, $"{tidy[0].StartedAt:O} .. {tidy[2].StartedAt:O}");
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_then_recorded_failed_and_CURRENT_is_untouched()
    {
        using var dir = new TempDataDir();
        dir.Publish(PreviousRun);
        Directory.CreateDirectory(Path.Combine(dir.Data, "snapshots", "20261001T020000Z-000001"));
        // The job fails for a real reason: another writer holds the data directory for the whole test.
        Task<bool> held;
        using (ExecutionContext.SuppressFlow())
            held = Task.Run(() => WriterLock.TryAcquire(dir.Data, "job ingest (ingest-latest-export)", out _, out _));
        Assert.True(await held);

        var config = dir.WriteConfig($$"""
            { "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "{{OnceAMinuteSoon}}",
                          "retry": { "attempts": 2, "delay": "00:00:00.400", "backoff": 2 },
                          "settings": { "keep_snapshots": 1 } } ] }
            """);

        await using var run = await ScheduledRun.StartAsync(config, dir.Data);
        var runs = await run.WaitForAsync(r => r.Any(x => x.JobName == "tidy" && x.Status == "failed" && !x.RetryScheduled), timeoutSeconds: 90);

        runs = runs.Take(3).ToList(); // the first occurrence; a later one may have started since
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.Equal("failed", r.Status));
        Assert.All(runs, r => Assert.Contains("being written by 'job ingest (ingest-latest-export)'", r.Message));
        Assert.Equal([true, true, false], runs.Select(r => r.RetryScheduled));
        // Backoff 0.4 s then 0.8 s (factor 2): each wait measured from the end of the failed attempt.
        var firstWait = (runs[1].StartedAt - runs[0].FinishedAt).TotalSeconds;
        var secondWait = (runs[2].StartedAt - runs[1].FinishedAt).TotalSeconds;
        Assert.InRange(firstWait, 0.35, 30);  // a retry, not the next occurrence (a minute later)
        Assert.InRange(secondWait, 0.75, 30); // the wait doubled: a fixed 0.4 s would allow less
        // The failure changed nothing: CURRENT still names the previous snapshot, and both snapshots are there.
        Assert.Equal(PreviousRun, dir.Current);
        Assert.True(Directory.Exists(Path.Combine(dir.Data, "snapshots", "20261001T020000Z-000001")));
    }

    [Fact]
    public async Task A_failing_ingest_of_a_broken_export_is_retried_and_leaves_the_previous_snapshot_in_service()
    {
        using var dir = new TempDataDir();
        dir.Publish(PreviousRun);
        dir.DropExport("gepi-broken", "gepi-2026-11-01T02-00", "2026-11-01T02:00:00Z"); // a manifest and none of its files
        var config = dir.WriteConfig($$"""
            { "jobs": [ { "name": "ingest", "type": "ingest-latest-export", "cron": "{{OnceAMinuteSoon}}",
                          "retry": { "attempts": 1, "delay": "00:00:00.300" },
                          "settings": { "drop_folder": "{{dir.Drop}}" } } ] }
            """);

        await using var run = await ScheduledRun.StartAsync(config, dir.Data);
        var runs = await run.WaitForAsync(r => r.Any(x => x.Status == "failed" && !x.RetryScheduled), timeoutSeconds: 90);

        runs = runs.Take(2).ToList();
        Assert.Equal([1, 2], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.Equal(("failed", "gepi-2026-11-01T02-00"), (r.Status, r.ExportId)));
        Assert.Equal(PreviousRun, dir.Current);
        Assert.Equal([PreviousRun], Directory.GetDirectories(Path.Combine(dir.Data, "snapshots")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_succeeded_job_starts_its_follower_and_a_skipped_one_does_not()
    {
        using var dir = new TempDataDir();
        // The drop folder's only export is already loaded: ingest is skipped and must not chain.
        dir.DropExport("gepi-1", "gepi-2026-10-01T02-00", "2026-10-01T02:00:00Z");
        Directory.CreateDirectory(Path.Combine(dir.Data, "runs"));
        File.WriteAllText(Path.Combine(dir.Data, "runs", $"{PreviousRun}.json"),
            $$"""{ "run_id": "{{PreviousRun}}", "export_id": "gepi-2026-10-01T02-00", "status": "succeeded", "started_at": "2026-10-25T02:00:00Z" }""");

        var config = dir.WriteConfig($$"""
            { "jobs": [
                { "name": "tidy", "type": "housekeeping", "cron": "{{OnceAMinuteSoon}}", "followed_by": ["tidy-again"] },
                { "name": "tidy-again", "type": "housekeeping" },
                { "name": "ingest", "type": "ingest-latest-export", "cron": "{{OnceAMinuteSoon}}", "followed_by": ["after-ingest"],
                  "settings": { "drop_folder": "{{dir.Drop}}" } },
                { "name": "after-ingest", "type": "housekeeping" } ] }
            """);

        await using var run = await ScheduledRun.StartAsync(config, dir.Data);
        var runs = await run.WaitForAsync(r => r.Any(x => x.JobName == "tidy-again") && r.Any(x => x.JobName == "ingest"), timeoutSeconds: 90);
        await Task.Delay(1500); // time enough for a wrong follower to show up
        runs = JobHistory.Recent(dir.Data, 100).Reverse().ToList();

        var tidy = runs.First(r => r.JobName == "tidy");
        var again = runs.First(r => r.JobName == "tidy-again");
        Assert.Equal(("succeeded", "chain"), (again.Status, again.TriggeredBy));
        Assert.True(again.StartedAt >= tidy.FinishedAt);

        var ingest = runs.First(r => r.JobName == "ingest");
        Assert.Equal(("skipped", "gepi-2026-10-01T02-00"), (ingest.Status, ingest.ExportId));
        Assert.Contains($"already loaded by run {PreviousRun}", ingest.Message);
        Assert.DoesNotContain(runs, r => r.JobName == "after-ingest");
    }
}
