using Microsoft.Extensions.Hosting;
using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.Etl.Schedule;

/// <summary>A real scheduler host on a temp data dir, started for one test, with helpers to wait on jobs.duckdb.</summary>
public sealed class ScheduledRun : IAsyncDisposable
{
    public IHost Host { get; }
    public string DataDir { get; }

    private ScheduledRun(IHost host, string dataDir) { Host = host; DataDir = dataDir; }

    public static async Task<ScheduledRun> StartAsync(string configPath, string dataDir, TimeSpan? misfireThreshold = null)
    {
        var host = ScheduleHost.Build(ScheduleConfigLoader.Load(configPath), dataDir, misfireThreshold: misfireThreshold);
        await host.StartAsync();
        return new ScheduledRun(host, dataDir);
    }

    /// <summary>Polls the job history until <paramref name="done"/> holds, or fails the test after <paramref name="timeoutSeconds"/>.</summary>
    public async Task<IReadOnlyList<JobRunRecord>> WaitForAsync(Func<IReadOnlyList<JobRunRecord>, bool> done, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var runs = JobHistory.Recent(DataDir, 100).Reverse().ToList(); // oldest first
            if (done(runs)) return runs;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("job history never reached the expected state: "
                    + string.Join("; ", runs.Select(r => $"{r.JobName}#{r.Attempt} {r.Status} {r.Message}")));
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
