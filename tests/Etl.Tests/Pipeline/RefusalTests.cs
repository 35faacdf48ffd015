using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>A truncated or corrupted file refuses the whole export; the snapshot in service stays in service, whole.</summary>
public class RefusalTests
{
    /// <summary>payments.csv loses its last row; the manifest still announces 20 (sha256 of what is on disk, so only the count disagrees).</summary>
    static FixtureExport Truncated()
    {
        var x = FixtureExport.Valid();
        x["payments.csv"].Records.RemoveAt(19);
        x["payments.csv"].ManifestRows = 20;
        return x;
    }

    /// <summary>persons.csv is intact but the manifest gives another hash.</summary>
    static FixtureExport Corrupted()
    {
        var x = FixtureExport.Valid();
        x["persons.csv"].ManifestSha256 = new string('0', 64);
        return x;
    }

    static void AssertPreviousSnapshotInService(string dataDir, string previousRunId)
    {
        var store = new SnapshotStore(dataDir);
        Assert.Equal(previousRunId, File.ReadAllText(store.Dir.CurrentFile).Trim());
        Assert.Equal([previousRunId], store.SnapshotIds());
        Assert.Empty(Directory.Exists(store.Dir.BuildingDir) ? Directory.GetDirectories(store.Dir.BuildingDir) : []);
        using var wh = Duck.ReadOnly(store.CurrentWarehouse()!);
        Assert.Equal(20, wh.Count("SELECT count(*) FROM stg_payments"));
        Assert.Equal(12, wh.Count("SELECT count(*) FROM stg_persons"));
        Assert.Equal(previousRunId, wh.Scalar("SELECT run_id FROM run_meta"));
    }

    [Fact]
    public void A_truncated_or_corrupted_file_refuses_the_export_and_publishes_nothing()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var first = PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["good"]), DataDir = data, Demo = true });
        Assert.True(first.Status == RunStatus.Succeeded, first.Error);

        var truncated = PipelineRunner.Run(new PipelineOptions { Source = Truncated().Write(tmp["truncated"]), DataDir = data, Demo = true });
        Assert.Equal(RunStatus.Refused, truncated.Status);
        Assert.StartsWith("payments.csv: 19 data rows read but the manifest announces 20", truncated.Error);
        AssertPreviousSnapshotInService(data, first.RunId);

        var corrupted = PipelineRunner.Run(new PipelineOptions { Source = Corrupted().Write(tmp["corrupted"]), DataDir = data, Demo = true });
        Assert.Equal(RunStatus.Refused, corrupted.Status);
        Assert.StartsWith("persons.csv: sha256 ", corrupted.Error);
        Assert.Contains("truncated or corrupted", corrupted.Error);
        AssertPreviousSnapshotInService(data, first.RunId);

        // Both refusals are on record under runs/, beside the success.
        var runs = Directory.GetFiles(new DataDirectory(data).RunsDir, "*.json").Select(File.ReadAllText).ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal(2, runs.Count(r => r.Contains("\"status\": \"refused\"")));
    }

    [Fact]
    public void The_command_line_exits_non_zero_and_names_the_file()
    {
        using var tmp = new TempDir();
        var export = Truncated().Write(tmp["truncated"]);

        var (exitCode, output) = EtlProcess.Run(null, "run", "--source", export, "--data", tmp["data"], "--demo");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(2, exitCode);
        Assert.Contains("REFUSED", output);
        Assert.Contains("payments.csv", output);
        Assert.Null(new SnapshotStore(tmp["data"]).CurrentRunId());
    }
}
