using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.Etl.Schedule;

public class RunJobCommandTests
{
    [Fact]
    public async Task Run_job_runs_the_named_job_once_and_records_it_as_manual()
    {
        using var dir = new TempDataDir();
        Directory.CreateDirectory(Path.Combine(dir.Data, "building", "20261030T020000Z-ffffff"));
        var config = dir.WriteConfig("""
            { "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "0 0 4 ? * SUN", "followed_by": ["other"] },
                        { "name": "other", "type": "housekeeping" } ] }
            """);

        var exit = await RunJobCommand.RunAsync(["tidy", "--config", config, "--data", dir.Data]);

        Assert.Equal(0, exit);
        var run = Assert.Single(JobHistory.Recent(dir.Data, 10)); // no follower: run-job runs one job
        Assert.Equal(("tidy", "succeeded", "manual", 1L), (run.JobName, run.Status, run.TriggeredBy, run.Rows!.Value));
        Assert.False(Directory.Exists(Path.Combine(dir.Data, "building", "20261030T020000Z-ffffff")));
    }

    [Fact]
    public async Task Run_job_with_an_unknown_name_or_a_bad_schedule_exits_2_and_runs_nothing()
    {
        using var dir = new TempDataDir();
        var good = dir.WriteConfig("""{ "jobs": [ { "name": "tidy", "type": "housekeeping" } ] }""");
        var bad = dir.WriteConfig("""{ "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "every day" } ] }""", "bad.json");

        Assert.Equal(2, await RunJobCommand.RunAsync(["tydi", "--config", good, "--data", dir.Data]));
        Assert.Equal(2, await RunJobCommand.RunAsync(["tidy", "--config", bad, "--data", dir.Data]));
        Assert.Equal(2, await RunJobCommand.RunAsync(["--config", good]));
        Assert.Equal(2, await ScheduleCommand.RunAsync(["--config", bad, "--data", dir.Data]));
        Assert.Empty(JobHistory.Recent(dir.Data, 10));
    }
}
