using Microsoft.Extensions.Hosting;
using Monitoring.Etl.Cli;
using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>`schedule [--config schedules.json] [--data DATA_DIR]`: hosts the scheduler until Ctrl+C / SIGTERM.</summary>
public static class ScheduleCommand
{
    /// <summary>Bad arguments and a bad schedule exit 2, as before the command lines shared one parser.</summary>
    public const int UsageExit = 2;

    public static Verb Verb()
    {
        var options = ScheduleArgs.Options.Create();
        var verb = new Verb("schedule", "run the scheduled jobs of schedules.json until Ctrl+C / SIGTERM") { options.Config, options.Data };
        verb.UsageExit = UsageExit;
        verb.SetAction((parsed, _) => RunAsync(options.Read(parsed)));
        return verb;
    }

    /// <summary>`schedule args...` through the etl's parser (for callers in-process, such as tests).</summary>
    public static Task<int> RunAsync(string[] args) => EtlCommandLine.RunAsync(["schedule", .. args]);

    public static async Task<int> RunAsync(ScheduleArgs parsed)
    {
        ScheduleConfig config;
        try { config = ScheduleConfigLoader.Load(parsed.ConfigPath); }
        catch (ScheduleConfigException e) { await Console.Error.WriteLineAsync(e.Message); return 2; }

        Console.WriteLine($"schedule {config.SourcePath}, data {parsed.DataDir}, times in {config.TimeZone.Id}");
        foreach (var line in Describe(config)) Console.WriteLine(line);

        try
        {
            using var host = ScheduleHost.Build(config, parsed.DataDir);
            await host.RunAsync();
            return 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"the scheduler stopped: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>One line per job: when it next runs (in the schedule's zone) and what follows it.</summary>
    public static IEnumerable<string> Describe(ScheduleConfig config)
    {
        foreach (var job in config.Jobs)
        {
            string when;
            if (!job.Enabled) when = "disabled";
            else if (job.Cron is null) when = "only when chained or run by hand";
            else
            {
                var expression = CronExpression.Parse(job.Cron).WithTimeZone(config.TimeZone);
                var next = expression.GetNextValidTimeAfter(DateTimeOffset.UtcNow);
                when = next is { } n ? $"cron '{job.Cron}', next {TimeZoneInfo.ConvertTime(n, config.TimeZone):yyyy-MM-dd HH:mm:ss zzz}" : $"cron '{job.Cron}', never";
            }
            var followers = job.FollowedBy.Count > 0 ? $" → {string.Join(", ", job.FollowedBy)}" : "";
            var retry = job.Retry is { } r ? $", retries {r.MaxAttempts}" : "";
            yield return $"  {job.Name} ({job.Type}): {when}{retry}{followers}";
        }
    }
}
