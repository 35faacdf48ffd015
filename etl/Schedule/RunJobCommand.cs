using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.DataDir.Operations;
using Monitoring.Etl.Cli;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// `run-job NAME [--config schedules.json] [--data DATA_DIR]`: runs one job of the schedule once,
/// now, in this process — no retries and no followers (that is the scheduler's business) — and
/// records it in jobs.duckdb as triggered_by = manual. Exit 0 succeeded or skipped, 1 failed, 2 usage.
/// </summary>
public static class RunJobCommand
{
    public static Verb Verb()
    {
        var name = new Argument<string>("NAME") { Description = "the job's name in the schedule" };
        var options = ScheduleArgs.Options.Create();
        var verb = new Verb("run-job", "run one job of the schedule once, now (no retries, no followers); exit 0 succeeded or skipped, 1 failed, 2 usage")
        {
            name, options.Config, options.Data,
        };
        verb.UsageExit = ScheduleCommand.UsageExit;
        verb.SetAction((parsed, _) => RunAsync(options.Read(parsed, parsed.GetValue(name))));
        return verb;
    }

    /// <summary>`run-job args...` through the etl's parser (for callers in-process, such as tests).</summary>
    public static Task<int> RunAsync(string[] args) => EtlCommandLine.RunAsync(["run-job", .. args]);

    public static async Task<int> RunAsync(ScheduleArgs parsed)
    {
        ScheduleConfig config;
        try { config = ScheduleConfigLoader.Load(parsed.ConfigPath); }
        catch (ScheduleConfigException e) { await Console.Error.WriteLineAsync(e.Message); return 2; }

        var job = config.Find(parsed.JobName!);
        if (job is null)
        {
            await Console.Error.WriteLineAsync(
                $"{config.SourcePath}: no job named \"{parsed.JobName}\" (declared: {string.Join(", ", config.Jobs.Select(j => j.Name))})");
            return 2;
        }

        using var services = new ServiceCollection().AddScheduledJobs(config, parsed.DataDir).BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        var record = await services.GetRequiredService<JobExecutor>().RunAsync(job, parsed.DataDir, "manual", attempt: 1, stop.Token);
        JobHistory.Record(parsed.DataDir, record);

        var line = $"{job.Name}: {record.Status} in {(record.FinishedAt - record.StartedAt).TotalSeconds:0.0} s"
            + (record.Rows is { } rows ? $", {rows} rows" : "")
            + (record.ExportId is { } id ? $", export {id}" : "")
            + (record.Message is { } m ? $" — {m}" : "");
        if (record.Status == JobOutcome.FailedStatus) { await Console.Error.WriteLineAsync(line); return 1; }
        Console.WriteLine(line);
        return 0;
    }
}
