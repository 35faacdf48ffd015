using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>
/// A full or read-only DATA_DIR through the real `etl run`: exit 1 with a message about space or
/// writing, never a crash (exit 134) or a stack trace; a report wherever one can still be written.
/// </summary>
public class StorageFailureTests
{
    static long SizeOf(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    [SkippableFact]
    public void A_full_data_dir_fails_the_run_with_a_message_about_space_and_leaves_the_snapshot_in_service()
    {
        using var tmp = new TempDir();
        var export = FixtureExport.Valid().Write(tmp["export"]);
        // What one snapshot of this export takes, measured on the ordinary disk.
        var measure = CliRun.Of(export, tmp["measure"]);
        Assert.True(measure.ExitCode == 0, measure.Output);
        var snapshot = SizeOf(new SnapshotStore(tmp["measure"]).CurrentSnapshotDir()!);

        // A file system with room for one snapshot and a half: the first run fits, the second cannot.
        using var fs = TinyFileSystem.TryMount(tmp["mnt"], snapshot * 3 / 2, readOnly: false, out var whyNot);
        Skip.If(fs is null, whyNot);
        var data = Path.Combine(fs!.Path, "data");
        var first = CliRun.Of(export, data);
        Assert.True(first.ExitCode == 0, first.Output);
        var inService = new SnapshotStore(data).CurrentRunId();

        var full = CliRun.Of(export, data);

        Assert.True(full.ExitCode == 1, full.Output);
        full.AssertNoStackTrace();
        Assert.Contains($"DATA_DIR {Path.GetFullPath(data)}: no space left on its file system", full.Output);
        Assert.Contains("no space left", full.Error); // the report was written once the half-built snapshot was removed
        Assert.Equal("failed", full.Report!.Value.GetProperty("status").GetString());
        // The lake of the second run fitted: it is the warehouse (DuckDB's own writes) that ran out of space.
        Assert.True(full.Report!.Value.GetProperty("stages").TryGetProperty("lake", out _), full.Output);
        full.AssertReconciles();
        Assert.Equal((6L, 0L, 6L), full.Counts("households.csv"));
        Assert.Equal(inService, new SnapshotStore(data).CurrentRunId());
        Assert.Empty(Directory.EnumerateFileSystemEntries(new DataDirectory(data).BuildingDir));
    }

    [SkippableFact]
    public void A_read_only_data_dir_fails_the_run_with_a_clear_message_and_the_report_goes_where_it_can()
    {
        using var tmp = new TempDir();
        var export = FixtureExport.Valid().Write(tmp["export"]);
        using var fs = TinyFileSystem.TryMount(tmp["mnt"], 64L << 20, readOnly: false, out var whyNot);
        Skip.If(fs is null, whyNot);
        var data = Path.Combine(fs!.Path, "data");
        Assert.Equal(0, CliRun.Of(export, data).ExitCode);
        var inService = new SnapshotStore(data).CurrentRunId();
        fs.RemountReadOnly();

        var run = CliRun.Of(export, data); // --report points outside DATA_DIR: that copy is written

        Assert.True(run.ExitCode == 1, run.Output);
        run.AssertNoStackTrace();
        Assert.Contains($"DATA_DIR {Path.GetFullPath(data)} is on a read-only file system", run.Output);
        Assert.Contains("the run report could not be written to " + new DataDirectory(data).RunsDir, run.Output);
        Assert.Equal("failed", run.Report!.Value.GetProperty("status").GetString());
        Assert.Contains("read-only file system", run.Error);
        Assert.Equal(inService, new SnapshotStore(data).CurrentRunId());
    }
}
