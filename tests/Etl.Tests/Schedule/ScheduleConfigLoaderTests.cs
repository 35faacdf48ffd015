using Monitoring.Etl.Schedule;
using Quartz;

namespace Monitoring.Tests.Etl.Schedule;

public class ScheduleConfigLoaderTests
{
    private static ScheduleConfigException Refused(string json)
    {
        using var dir = new TempDataDir();
        var path = dir.WriteConfig(json);
        var e = Assert.Throws<ScheduleConfigException>(() => ScheduleConfigLoader.Load(path));
        Assert.StartsWith(path, e.Message); // the message names the file
        return e;
    }

    [Fact]
    public void The_shipped_schedules_json_loads_with_its_four_jobs_in_Rome_time()
    {
        var config = ScheduleConfigLoader.Load(Path.Combine(RepositoryRoot(), "schedules.json"));

        Assert.Equal("Europe/Rome", config.TimeZone.Id);
        Assert.Equal(["ingest", "rebuild", "publish-open-data", "housekeeping", "compact-lake", "alert-digest"], config.Jobs.Select(j => j.Name));
        Assert.Equal(JobTypes.All.Order(), config.Jobs.Select(j => j.Type).Order());
        var ingest = config.Find("ingest")!;
        Assert.Equal(["rebuild"], ingest.FollowedBy);
        Assert.Equal(3, ingest.Retry!.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(10), ingest.Retry.InitialDelay);
        Assert.Equal(2.0, ingest.Retry.BackoffFactor);
        Assert.Null(config.Find("rebuild")!.Cron);
        Assert.Equal(5, config.Find("housekeeping")!.Settings.KeepSnapshots);
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, config.Find("housekeeping")!.Misfire);
        Assert.True(Path.IsPathRooted(ingest.Settings.DropFolder));
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        // Line 4 lacks the comma after "housekeeping" — the reader stumbles on line 5's "cron".
        var e = Refused("""
            {
              "jobs": [
                { "name": "tidy",
                  "type": "housekeeping"
                  "cron": "0 0 4 * * ?" }
              ]
            }
            """);
        var problem = Assert.Single(e.Problems);
        Assert.Equal(5, problem.Line);
        Assert.Contains("malformed JSON", problem.What);
        Assert.Contains("line 5", e.Message);
    }

    [Fact]
    public void A_five_field_unix_cron_is_refused_naming_path_line_and_field_count()
    {
        var e = Refused("""
            {
              "jobs": [
                { "name": "tidy", "type": "housekeeping" },
                { "name": "ingest", "type": "ingest-latest-export",
                  "cron": "30 2 * * *",
                  "settings": { "drop_folder": "/srv/drop" } }
              ]
            }
            """);
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.jobs[1].cron", problem.JsonPath);
        Assert.Equal(5, problem.Line);
        Assert.Contains("\"30 2 * * *\" is not a valid cron expression", problem.What);
        Assert.Contains("this one has 5", problem.What);
    }

    [Fact]
    public void A_cron_with_an_impossible_value_is_refused()
    {
        var e = Refused("""
            { "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "0 0 25 * * ?" } ] }
            """);
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.jobs[0].cron", problem.JsonPath);
        Assert.Equal(1, problem.Line);
        Assert.Contains("not a valid cron expression", problem.What);
    }

    [Fact]
    public void An_unknown_job_type_is_refused_listing_the_known_ones()
    {
        var e = Refused("""
            {
              "jobs": [
                { "name": "backup", "type": "backup-everything" }
              ]
            }
            """);
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.jobs[0].type", problem.JsonPath);
        Assert.Equal(3, problem.Line);
        Assert.Contains("unknown job type \"backup-everything\"", problem.What);
        Assert.Contains("housekeeping", problem.What);
    }

    [Fact]
    public void An_unknown_follower_is_refused()
    {
        var e = Refused("""
            {
              "jobs": [
                { "name": "tidy", "type": "housekeeping" },
                { "name": "rebuild", "type": "rebuild-indicators",
                  "followed_by": ["tidy", "publsh"] }
              ]
            }
            """);
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.jobs[1].followed_by[1]", problem.JsonPath);
        Assert.Equal(5, problem.Line);
        Assert.Contains("unknown job name \"publsh\"", problem.What);
    }

    [Fact]
    public void A_duplicate_job_name_is_refused_at_the_second_one()
    {
        var e = Refused("""
            {
              "jobs": [
                { "name": "tidy", "type": "housekeeping" },
                { "name": "rebuild", "type": "rebuild-indicators" },
                { "name": "tidy", "type": "housekeeping", "cron": "0 0 4 * * ?" }
              ]
            }
            """);
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.jobs[2].name", problem.JsonPath);
        Assert.Equal(5, problem.Line);
        Assert.Contains("duplicate job name \"tidy\"", problem.What);
    }

    [Fact]
    public void Several_mistakes_are_reported_together()
    {
        var e = Refused("""
            {
              "time_zone": "Europe/Atlantis",
              "jobs": [
                { "name": "Ingest", "type": "ingest-latest-export", "retires": 3 },
                { "name": "a", "type": "rebuild-indicators", "followed_by": ["b"] },
                { "name": "b", "type": "publish-open-data", "followed_by": ["a"],
                  "retry": { "attempts": 2, "delay": "5" } }
              ]
            }
            """);
        var byPath = e.Problems.ToDictionary(p => p.JsonPath);
        Assert.Equal(2, byPath["$.time_zone"].Line);
        Assert.Contains("unknown time zone", byPath["$.time_zone"].What);
        Assert.Contains("lowercase", byPath["$.jobs[0].name"].What);
        Assert.Contains("unknown key \"retires\"", byPath["$.jobs[0].retires"].What);
        Assert.Contains("settings.drop_folder", byPath["$.jobs[0]"].What);
        Assert.Equal(7, byPath["$.jobs[2].retry.delay"].Line);
        Assert.Contains("loop: a → b → a", byPath["$.jobs"].What);
        Assert.Equal(6, e.Problems.Count);
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        var e = Assert.Throws<ScheduleConfigException>(() => ScheduleConfigLoader.Load("/nonexistent/schedules.json"));
        Assert.Equal("/nonexistent/schedules.json: $: file not found", e.Message);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
    }
}
