using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.DataDir.Snapshots;

/// <summary>CURRENT read by one rule, the atomic publish, and the landing clean-up, on real folders.</summary>
public class SnapshotStoreTests
{
    const string Run = "20261101T020000Z-a1b2c3";

    [Fact]
    public void Nothing_is_in_service_without_CURRENT_or_when_it_is_empty_or_names_a_missing_snapshot()
    {
        using var tmp = new TempDir();
        var store = new SnapshotStore(tmp.Root);
        Assert.Null(store.CurrentRunId());
        Assert.Null(new SnapshotStore(tmp["no-such-folder"]).CurrentRunId());

        File.WriteAllText(Path.Combine(tmp.Root, "CURRENT"), "  \n");
        Assert.Null(store.CurrentRunId());

        File.WriteAllText(Path.Combine(tmp.Root, "CURRENT"), Run + "\n");
        Assert.Null(store.CurrentRunId()); // snapshots/<run> does not exist
        Assert.Null(store.CurrentWarehouse());

        Directory.CreateDirectory(Path.Combine(tmp.Root, "snapshots", Run));
        Assert.Equal(Run, store.CurrentRunId());
        Assert.Equal(Path.Combine(tmp.Root, "snapshots", Run, "warehouse.duckdb"), store.CurrentWarehouse());
        Assert.Equal($"Data Source={Path.Combine(tmp.Root, "snapshots", Run, "warehouse.duckdb")};ACCESS_MODE=READ_ONLY", store.CurrentConnectionString());
    }

    [Fact]
    public void Publish_moves_the_build_whole_and_names_it_in_CURRENT_without_leaving_the_temp_file()
    {
        using var tmp = new TempDir();
        var store = new SnapshotStore(tmp.Root);
        var building = Path.Combine(tmp.Root, "building", Run);
        Directory.CreateDirectory(Path.Combine(building, "lake"));
        File.WriteAllText(Path.Combine(building, "warehouse.duckdb"), "w");

        store.Publish(Run);

        Assert.False(Directory.Exists(building));
        Assert.Equal("w", File.ReadAllText(Path.Combine(tmp.Root, "snapshots", Run, "warehouse.duckdb")));
        Assert.Equal(Run + "\n", File.ReadAllText(Path.Combine(tmp.Root, "CURRENT")));
        Assert.False(File.Exists(Path.Combine(tmp.Root, "CURRENT.tmp")));
        Assert.Equal(Run, store.CurrentRunId());
        Assert.Equal([Run], store.SnapshotIds());
    }

    [Fact]
    public void New_run_ids_sort_by_time_and_match_the_run_id_shape()
    {
        var earlier = SnapshotStore.NewRunId(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));
        var later = SnapshotStore.NewRunId(new DateTimeOffset(2026, 11, 1, 2, 0, 1, TimeSpan.Zero));
        Assert.Matches(@"^20261101T020000Z-[0-9a-f]{6}$", earlier);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }

    [Fact]
    public void Cleaning_landing_removes_every_entry_and_deletes_a_link_without_following_it()
    {
        using var tmp = new TempDir();
        var landing = Path.Combine(tmp.Root, "data", "landing");
        Directory.CreateDirectory(Path.Combine(landing, Run, "unzipped"));
        File.WriteAllText(Path.Combine(landing, Run, "unzipped", "households.csv"), "personal data");
        File.WriteAllText(Path.Combine(landing, "stray.tmp"), "x");
        var outside = Directory.CreateDirectory(tmp["outside"]).FullName;
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "not ours");
        Directory.CreateSymbolicLink(Path.Combine(landing, "link"), outside);

        Assert.Equal(3, LandingArea.Clean(new Monitoring.DataDir.DataDirectory(tmp["data"])));

        Assert.Empty(Directory.EnumerateFileSystemEntries(landing));
        Assert.Equal("not ours", File.ReadAllText(Path.Combine(outside, "keep.txt")));
        Assert.Equal(0, LandingArea.Clean(new Monitoring.DataDir.DataDirectory(tmp["elsewhere"])));
    }

    [Fact]
    public void Cleaning_removes_the_spill_a_killed_run_or_reader_left_in_tmp_but_not_a_living_reader_s()
    {
        using var tmp = new TempDir();
        var dir = new Monitoring.DataDir.DataDirectory(tmp["data"]);
        var run = Directory.CreateDirectory(dir.Temp(Run)).FullName;
        File.WriteAllText(Path.Combine(run, "duckdb_temp_storage_DEFAULT-0.tmp"), "spilled rows");
        // A reader's folder is named for its process: this test's own process is alive, a pid of 2^31-2 is not.
        var living = Directory.CreateDirectory(dir.Temp($"{Monitoring.DataDir.DataDirectory.ReaderTempPrefix}{Environment.ProcessId}-abcd1234")).FullName;
        var dead = Directory.CreateDirectory(dir.Temp($"{Monitoring.DataDir.DataDirectory.ReaderTempPrefix}{int.MaxValue - 1}-abcd1234")).FullName;

        Assert.Equal(2, LandingArea.Clean(dir));

        Assert.False(Directory.Exists(run));
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(living));
    }
}
