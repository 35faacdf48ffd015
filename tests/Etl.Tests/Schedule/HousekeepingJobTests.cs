using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.Etl.Schedule;

public class HousekeepingJobTests
{
    private static readonly string[] Runs =
    [
        "20261001T020000Z-aaaaaa", "20261008T020000Z-bbbbbb", "20261015T020000Z-cccccc",
        "20261022T020000Z-dddddd", "20261029T020000Z-eeeeee",
    ];

    private static JobDefinition Job(int keepSnapshots, int? keepQuarantine) => new()
    {
        Name = "housekeeping",
        Type = JobTypes.Housekeeping,
        Settings = new JobSettings { KeepSnapshots = keepSnapshots, KeepQuarantine = keepQuarantine },
    };

    private static string[] Folders(string parent) =>
        Directory.Exists(parent) ? Directory.GetDirectories(parent).Select(Path.GetFileName).Order().ToArray()! : [];

    [Fact]
    public async Task Keeps_the_newest_snapshots_and_never_the_current_one()
    {
        using var dir = new TempDataDir();
        foreach (var run in Runs)
        {
            Directory.CreateDirectory(Path.Combine(dir.Data, "snapshots", run, "lake"));
            File.WriteAllText(Path.Combine(dir.Data, "snapshots", run, "run.json"), "{}");
            Directory.CreateDirectory(Path.Combine(dir.Data, "quarantine", run));
        }
        File.WriteAllText(Path.Combine(dir.Data, "CURRENT"), Runs[0] + "\n"); // rolled back to the oldest
        Directory.CreateDirectory(Path.Combine(dir.Data, "building", "20261030T020000Z-ffffff")); // a killed run's leftover
        Directory.CreateDirectory(Path.Combine(dir.Data, "snapshots", "notes"));                  // not a run id: not ours

        var outcome = await new HousekeepingJob().RunAsync(Job(keepSnapshots: 2, keepQuarantine: 1), dir.Data, default);

        // keep 2 newest (eeeeee, dddddd) + CURRENT (aaaaaa) → bbbbbb, cccccc go;
        // quarantine keeps 1 newest (eeeeee) + CURRENT's (aaaaaa) → bbbbbb, cccccc, dddddd go; building: 1.
        Assert.Equal([Runs[0], Runs[3], Runs[4], "notes"], Folders(Path.Combine(dir.Data, "snapshots")));
        Assert.Equal([Runs[0], Runs[4]], Folders(Path.Combine(dir.Data, "quarantine")));
        Assert.Empty(Folders(Path.Combine(dir.Data, "building")));
        Assert.False(Directory.Exists(Path.Combine(dir.Data, ".trash")));
        Assert.Equal(JobOutcome.SucceededStatus, outcome.Status);
        Assert.Equal(2 + 3 + 1, outcome.Rows);
        Assert.Equal(Runs[0], dir.Current);
    }

    [Fact]
    public async Task Refuses_to_run_while_another_writer_holds_the_data_directory()
    {
        using var dir = new TempDataDir();
        Directory.CreateDirectory(Path.Combine(dir.Data, "snapshots", Runs[0]));
        Directory.CreateDirectory(Path.Combine(dir.Data, "snapshots", Runs[1]));

        Task<bool> holderTask;
        using (ExecutionContext.SuppressFlow())
            holderTask = Task.Run(() => WriterLock.TryAcquire(dir.Data, "job ingest (ingest-latest-export)", out _, out _));
        Assert.True(await holderTask); // held by another flow (never released: the temp dir goes with the test)

        var e = await Assert.ThrowsAsync<JobFailedException>(() => new HousekeepingJob().RunAsync(Job(1, null), dir.Data, default));
        Assert.Contains("being written by 'job ingest (ingest-latest-export)'", e.Message);
        Assert.Equal([Runs[0], Runs[1]], Folders(Path.Combine(dir.Data, "snapshots")));
    }
}
