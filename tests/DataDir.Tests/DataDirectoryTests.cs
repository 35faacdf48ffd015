using Monitoring.DataDir;

namespace Monitoring.Tests.DataDir;

/// <summary>
/// The layout of DATA_DIR as docs/ARCHITECTURE.md draws it, spelled out here by hand (not read from the code), and the
/// one rule by which every host finds DATA_DIR.
/// </summary>
public class DataDirectoryTests
{
    [Fact]
    public void Every_path_is_the_documented_one_under_the_absolute_root()
    {
        using var tmp = new TempDir();
        var d = new DataDirectory(Path.Combine(tmp.Root, "x", "..", "data"));
        var root = Path.Combine(tmp.Root, "data");
        Assert.Equal(root, d.Root);
        var expected = new Dictionary<string, string>
        {
            ["CURRENT"] = d.CurrentFile, ["CURRENT.tmp"] = d.CurrentTempFile,
            ["snapshots"] = d.SnapshotsDir, ["snapshots/20261101T020000Z-a1b2c3"] = d.Snapshot("20261101T020000Z-a1b2c3"),
            ["building/20261101T020000Z-a1b2c3"] = d.Building("20261101T020000Z-a1b2c3"),
            ["runs/20261101T020000Z-a1b2c3.json"] = d.RunReport("20261101T020000Z-a1b2c3"),
            ["quarantine/20261101T020000Z-a1b2c3"] = d.Quarantine("20261101T020000Z-a1b2c3"),
            ["landing/20261101T020000Z-a1b2c3"] = d.Landing("20261101T020000Z-a1b2c3"),
            [".trash"] = d.TrashDir, [".trash/snapshots-20261101T020000Z-a1b2c3"] = d.Trash(d.SnapshotsDir, "20261101T020000Z-a1b2c3"),
            ["followup.duckdb"] = d.FollowUpDatabase, ["jobs.duckdb"] = d.JobsDatabase, ["scheduler.sqlite"] = d.SchedulerDatabase,
            [".writer.lock"] = d.WriterLockFile, [".writer.lock.holder"] = d.WriterLockHolderFile,
            ["opendata"] = d.OpenDataDir, ["opendata/latest.json"] = DataDirectory.LatestRelease(d.OpenDataDir),
            ["research"] = d.ResearchDir,
            ["snapshots/r/warehouse.duckdb"] = DataDirectory.WarehouseFile(d.Snapshot("r")),
            ["snapshots/r/lake"] = DataDirectory.LakeDir(d.Snapshot("r")),
            ["snapshots/r/run.json"] = DataDirectory.SnapshotRunReport(d.Snapshot("r")),
            ["snapshots/r/rebuilt-from.json"] = DataDirectory.RebuiltFromFile(d.Snapshot("r")),
            ["snapshots/r/compacted-from.json"] = DataDirectory.CompactedFromFile(d.Snapshot("r")),
            ["landing/r/unzipped"] = DataDirectory.UnzippedDir(d.Landing("r")),
            ["landing/r/line-ends"] = DataDirectory.LineEndsDir(d.Landing("r")),
            ["landing/r/spill"] = DataDirectory.SpillDir(d.Landing("r")),
            ["opendata/rel/release.json"] = DataDirectory.ReleaseManifest(Path.Combine(d.OpenDataDir, "rel")),
            ["research/p_r1/extract-report.json"] = DataDirectory.ExtractReport(Path.Combine(d.ResearchDir, "p_r1")),
        };
        foreach (var (relative, actual) in expected)
            Assert.Equal(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)), actual);
    }

    /// <summary>Locate reads the process environment: the cases run in one test, one after the other.</summary>
    [Fact]
    public void A_host_takes_its_own_setting_then_the_DATA_DIR_variable_then_data_in_the_current_folder()
    {
        var saved = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
        using var tmp = new TempDir();
        try
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, tmp["from-env"]);
            Assert.Equal(tmp["given"], DataDirectory.Locate(tmp["given"]));
            Assert.Equal(tmp["from-env"], DataDirectory.Locate(null));
            Assert.Equal(tmp["from-env"], DataDirectory.Locate("  "));

            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, null);
            Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data"), DataDirectory.Locate(null));
            Assert.Equal(Path.Combine(Environment.CurrentDirectory, "rel", "dir"), DataDirectory.Locate(Path.Combine("rel", "dir")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, saved);
        }
    }
}
