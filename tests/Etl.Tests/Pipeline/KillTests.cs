using System.Diagnostics;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>A real run in a real child process, killed mid-way: the snapshot in service survives whole and the next run goes through.</summary>
public class KillTests
{
    [Fact]
    public void Killing_a_run_midway_leaves_the_previous_snapshot_in_service_and_the_next_run_succeeds()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var first = PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["fixture"]), DataDir = data, Demo = true });
        Assert.True(first.Status == RunStatus.Succeeded, first.Error);
        var regional = ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Regional, Seed = 3, OutputDirectory = tmp["regional"] }).ExportDirectory;

        using (var child = EtlProcess.Start(null, "run", "--source", regional, "--data", data, "--demo"))
        {
            // Kill once it is reading rows (or after 8 s at most), long before it could publish.
            var clock = Stopwatch.StartNew();
            while (!child.Output.Contains("  read ") && clock.Elapsed < TimeSpan.FromSeconds(8) && !child.Process.HasExited)
                Thread.Sleep(50);
            Assert.False(child.Process.HasExited, "the regional run ended before it could be killed: " + child.Output);
            child.Process.Kill(entireProcessTree: true);
            child.Process.WaitForExit();
            Assert.NotEqual(0, child.Process.ExitCode);
        }

        var store = new SnapshotStore(data);
        Assert.Equal(first.RunId, File.ReadAllText(store.Dir.CurrentFile).Trim());
        Assert.Equal([first.RunId], store.SnapshotIds());
        using (var wh = Duck.ReadOnly(store.CurrentWarehouse()!))
        {
            Assert.Equal(6, wh.Count("SELECT count(*) FROM stg_households"));
            Assert.Equal(20, wh.Count("SELECT count(*) FROM stg_payments"));
            Assert.True(wh.Count("SELECT count(*) FROM indicator_values") > 0);
        }
        // The killed run's lock and half-built folders do not block the next run.
        var next = PipelineRunner.Run(new PipelineOptions { Source = tmp["fixture"], DataDir = data, Demo = true });
        Assert.True(next.Status == RunStatus.Succeeded, next.Error);
        Assert.Equal(next.RunId, store.CurrentRunId());
        using var again = Duck.ReadOnly(store.CurrentWarehouse()!);
        Assert.Equal(6, again.Count("SELECT count(*) FROM stg_households"));
    }
}
