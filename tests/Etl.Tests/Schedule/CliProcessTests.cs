using System.Diagnostics;
using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.Etl.Schedule;

/// <summary>The verbs as an operator meets them: a second real process, its exit code and what it prints.</summary>
public class CliProcessTests
{
    [Fact]
    public async Task A_second_process_is_refused_the_lock_and_told_who_holds_it()
    {
        using var dir = new TempDataDir();
        Directory.CreateDirectory(Path.Combine(dir.Data, "building", "20261030T020000Z-ffffff"));
        var config = dir.WriteConfig("""{ "jobs": [ { "name": "tidy", "type": "housekeeping" } ] }""");

        Assert.True(WriterLock.TryAcquire(dir.Data, "job ingest (ingest-latest-export)", out var held, out _));
        (int Exit, string Out, string Err) refused;
        using (held)
            refused = await EtlProcess.RunAsync("run-job", "tidy", "--config", config, "--data", dir.Data);

        Assert.Equal(1, refused.Exit);
        Assert.Contains($"being written by 'job ingest (ingest-latest-export)' (pid {Environment.ProcessId} on {Environment.MachineName}", refused.Err);
        Assert.True(Directory.Exists(Path.Combine(dir.Data, "building", "20261030T020000Z-ffffff"))); // it touched nothing
        var failed = Assert.Single(JobHistory.Recent(dir.Data, 10));
        Assert.Equal(("tidy", "failed", "manual"), (failed.JobName, failed.Status, failed.TriggeredBy));
        Assert.NotEqual(Environment.ProcessId, failed.Pid);

        // Released: the same command now runs.
        var ok = await EtlProcess.RunAsync("run-job", "tidy", "--config", config, "--data", dir.Data);
        Assert.Equal(0, ok.Exit);
        Assert.Contains("tidy: succeeded", ok.Out);
        Assert.False(Directory.Exists(Path.Combine(dir.Data, "building", "20261030T020000Z-ffffff")));
    }

    [Fact]
    public async Task Schedule_with_a_broken_file_stops_at_start_up_naming_file_line_and_mistake_without_a_stack_trace()
    {
        using var dir = new TempDataDir();
        var config = dir.WriteConfig("""
            {
              "jobs": [
                { "name": "ingest", "type": "ingest-latest-export", "cron": "0 30 2 * *",
                  "settings": { "drop_folder": "drop" } }
              ]
            }
            """);

        var (exit, _, err) = await EtlProcess.RunAsync("schedule", "--config", config, "--data", dir.Data);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{config}: line 3, $.jobs[0].cron: \"0 30 2 * *\" is not a valid cron expression", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(File.Exists(Path.Combine(dir.Data, JobHistory.FileName)));
    }

    [Fact]
    public async Task Schedule_runs_jobs_until_SIGTERM_then_stops_cleanly()
    {
        using var dir = new TempDataDir();
        var config = dir.WriteConfig("""{ "jobs": [ { "name": "tidy", "type": "housekeeping", "cron": "* * * * * ?" } ] }""");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "monitoring-etl.dll"), "schedule", "--config", config, "--data", dir.Data })
            info.ArgumentList.Add(a);
        using var scheduler = Process.Start(info)!;
        var stdout = scheduler.StandardOutput.ReadToEndAsync();
        var stderr = scheduler.StandardError.ReadToEndAsync();
        try
        {
            // Generous: the host creates its SQLite job store on first start, and CI machines are shared.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (JobHistory.Recent(dir.Data, 10).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
            if (JobHistory.Recent(dir.Data, 10).Count < 2) Assert.Fail(await Finish(scheduler, stdout, stderr));

            using (var term = Process.Start("kill", ["-TERM", scheduler.Id.ToString()])) await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await scheduler.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, scheduler.ExitCode);
            Assert.Contains("tidy (housekeeping): cron '* * * * * ?'", await stdout);
            Assert.DoesNotContain("   at ", await stderr);
            var runs = JobHistory.Recent(dir.Data, 100);
            Assert.All(runs, r => Assert.Equal("succeeded", r.Status));
            // Nothing ran after the stop: no lock note is left behind.
            Assert.Null(WriterLock.ReadHolder(dir.Data));
        }
        finally
        {
            if (!scheduler.HasExited) scheduler.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> Finish(Process p, Task<string> stdout, Task<string> stderr)
    {
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        return $"scheduler output:\n{await stdout}\n{await stderr}";
    }
}
