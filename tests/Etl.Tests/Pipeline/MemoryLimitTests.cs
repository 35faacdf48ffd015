using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>
/// MONITORING_DUCKDB_MEMORY (issue 18): the tiny export loaded by the real etl in a child process with a limit so low
/// (100 MB) that the warehouse build spills. The spill goes inside DATA_DIR (tmp/&lt;run&gt;), is gone when the run
/// ends, and the indicators are the same as the unlimited run's (2 GB: nothing spills at tiny scale).
/// </summary>
[Collection(PipelineRunsCollection.Name)]
public class MemoryLimitTests(TinyRun tiny)
{
    [Fact]
    public void A_run_under_a_low_memory_limit_spills_inside_DATA_DIR_and_gives_the_same_indicators()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var env = new Dictionary<string, string> { [DuckDbMemory.EnvironmentVariable] = "100MB", ["MONITORING_PSEUDONYM_KEY"] = TestKey.Hex };

        // DuckDB deletes its spill files when the database closes: watch for them while the run goes.
        var seen = new HashSet<string>();
        using var etl = EtlProcess.Start(env, "run", "--source", tiny.Export, "--data", data);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!etl.Process.HasExited && DateTime.UtcNow < deadline)
        {
            foreach (var file in SpillFiles(data)) seen.Add(Path.GetRelativePath(data, file));
            Thread.Sleep(20);
        }
        Assert.True(etl.Process.WaitForExit(TimeSpan.FromSeconds(10)), "etl ran over 3 minutes");
        Assert.True(etl.Process.ExitCode == 0, etl.Output);

        var runId = new SnapshotStore(data).CurrentRunId()!;
        Assert.Contains(seen, f => f.StartsWith(Path.Combine("tmp", runId) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.Empty(SpillFiles(data));
        Assert.False(Directory.Exists(Path.Combine(data, "tmp", runId)), "the run's spill folder is left behind");

        using var db = Duck.Memory();
        db.Exec($"ATTACH {Duck.Lit(tiny.Warehouse)} AS unlimited (READ_ONLY)");
        db.Exec($"ATTACH {Duck.Lit(new SnapshotStore(data).CurrentWarehouse()!)} AS limited (READ_ONLY)");
        // Doubles rounded: a parallel sum may differ in the last bit between runs (DeterminismTests).
        const string values = "SELECT indicator_id, level, territory_code, month, round(numerator, 9), round(denominator, 9), round(value, 9) FROM {0}.indicator_values";
        Assert.True(db.Count($"SELECT count(*) FROM unlimited.indicator_values") > 100);
        Assert.Equal(0, db.Count($"SELECT count(*) FROM ({string.Format(values, "unlimited")} EXCEPT ALL {string.Format(values, "limited")})"));
        Assert.Equal(0, db.Count($"SELECT count(*) FROM ({string.Format(values, "limited")} EXCEPT ALL {string.Format(values, "unlimited")})"));
    }

    static List<string> SpillFiles(string data)
    {
        try
        {
            return Directory.Exists(data)
                ? Directory.EnumerateFiles(data, "duckdb_temp_*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).ToList()
                : [];
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException)
        {
            return []; // a folder went while it was listed: the next look sees the rest
        }
    }
}
