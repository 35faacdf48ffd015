using System.Diagnostics;
using System.Text.Json;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Lake;

/// <summary>
/// The merge-on-read lake from the outside: real runs on the hand-counted fixture, the Parquet files and manifests on
/// disk, `etl compact` as a child process, and files damaged on disk the way a disk or a careless copy does it.
/// </summary>
public class MergeOnReadLakeTests
{
    /// <summary>
    /// A delta holding one changed household (H-000002 suspended) and three payments: one replaced and two new in
    /// months the base does not have (September, October), or (<paramref name="newMonths"/> false) three replaced.
    /// </summary>
    static FixtureExport Delta(string exportId, string status = "suspended", string amount = "415.00", bool newMonths = true)
    {
        var x = FixtureExport.Valid();
        x.Kind = "delta";
        x.ExportId = exportId;
        foreach (var f in x.Files.Keys.Except(["households.csv", "payments.csv"]).ToList()) x.Files.Remove(f);
        var h = x["households.csv"].Records;
        var changed = h.Single(r => r.StartsWith("H-000002;", StringComparison.Ordinal)).Replace(";active", ";" + status);
        h.Clear();
        h.Add(changed);
        x["payments.csv"].Records.Clear();
        x["payments.csv"].Records.AddRange(newMonths
            ? [$"H-000004;2026-06;{amount};2026-06-27", "H-000001;2026-09;500.00;2026-09-27", "H-000002;2026-10;321.00;2026-10-27"]
            : [$"H-000004;2026-06;{amount};2026-06-27", $"H-000001;2026-08;{amount};2026-08-27", "H-000002;2026-07;321.00;2026-07-27"]);
        return x;
    }

    static string Data(TempDir tmp)
    {
        var data = tmp["data"];
        var full = PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true });
        Assert.True(full.Status == RunStatus.Succeeded, full.Error);
        return data;
    }

    static void RunDelta(TempDir tmp, string data, FixtureExport delta)
    {
        var report = PipelineRunner.Run(new PipelineOptions { Source = delta.Write(tmp[delta.ExportId]), DataDir = data, Demo = true });
        Assert.True(report.Status == RunStatus.Succeeded, report.Error);
    }

    static string Inode(string path)
    {
        var psi = new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var inode = p.StandardOutput.ReadToEnd().Trim();
        Assert.True(p.WaitForExit(10_000));
        return inode;
    }

    static List<string> ParquetFiles(string tableDir) =>
        Directory.GetFiles(tableDir, "*.parquet", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tableDir, f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every lake table, read by the product's one reader, holds exactly the rows of the warehouse's stg_ table.</summary>
    static void AssertLakeEqualsWarehouse(string snapshot)
    {
        using var db = Duck.Memory();
        db.Exec($"ATTACH {Duck.Lit(DataDirectory.WarehouseFile(snapshot))} AS wh (READ_ONLY)");
        foreach (var table in LakeTable.All)
        {
            var lake = table.ReadSql(DataDirectory.LakeDir(snapshot));
            Assert.True(db.Count($"SELECT count(*) FROM wh.{table.Table}") > 0, table.Stem);
            Assert.Equal((table.Stem, 0L), (table.Stem, db.Count($"SELECT count(*) FROM (FROM {lake} EXCEPT ALL FROM wh.{table.Table})")));
            Assert.Equal((table.Stem, 0L), (table.Stem, db.Count($"SELECT count(*) FROM (FROM wh.{table.Table} EXCEPT ALL FROM {lake})")));
        }
    }

    [Fact]
    public void A_delta_writes_one_small_file_per_table_it_carries_links_every_other_and_reads_back_as_the_warehouse()
    {
        using var tmp = new TempDir();
        var data = Data(tmp);
        var store = new SnapshotStore(data);
        var before = store.CurrentSnapshotDir()!;
        var paymentsBefore = ParquetFiles(Path.Combine(DataDirectory.LakeDir(before), "payments"));
        Assert.True(paymentsBefore.Count > 3, "the fixture's payments span several months, one folder each");

        RunDelta(tmp, data, Delta("fixture-delta-1"));

        var after = store.CurrentSnapshotDir()!;
        var runId = Path.GetFileName(after);
        var payments = Path.Combine(DataDirectory.LakeDir(after), "payments");
        var newFiles = ParquetFiles(payments).Except(paymentsBefore).ToList();
        Assert.Equal([$"delta-{runId}.parquet"], newFiles);
        foreach (var file in paymentsBefore)   // every month of the base: the same file (same inode), not a copy
            Assert.Equal((file, Inode(Path.Combine(DataDirectory.LakeDir(before), "payments", file))), (file, Inode(Path.Combine(payments, file))));
        // The delta file holds the delta's three rows, nothing of the base.
        using (var db = Duck.Memory())
        {
            Assert.Equal(3, db.Count($"SELECT count(*) FROM read_parquet({Duck.Lit(Path.Combine(payments, newFiles[0]))})"));
            // Last writer wins, derived here without the product's reader: base rows whose key the delta has are replaced.
            var baseFiles = string.Join(", ", paymentsBefore.Select(f => Duck.Lit(Path.Combine(payments, f))));
            var delta = $"read_parquet({Duck.Lit(Path.Combine(payments, newFiles[0]))})";
            var expected = $"(SELECT * FROM read_parquet([{baseFiles}], hive_partitioning = false) b WHERE NOT EXISTS (SELECT 1 FROM {delta} d WHERE d.household_key = b.household_key AND d.period = b.period) UNION ALL SELECT * FROM {delta})";
            db.Exec($"ATTACH {Duck.Lit(DataDirectory.WarehouseFile(after))} AS wh (READ_ONLY)");
            Assert.Equal(22, db.Count($"SELECT count(*) FROM {expected}"));   // 20 + 2 new, one replaced
            Assert.Equal(0, db.Count($"SELECT count(*) FROM (FROM {expected} EXCEPT ALL FROM wh.stg_payments)"));
            Assert.Equal(0, db.Count($"SELECT count(*) FROM (FROM wh.stg_payments EXCEPT ALL FROM {expected})"));
        }
        // The manifest lists the base, then the delta file, each with the run that wrote it.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(payments, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("run_id").GetString(), f.GetProperty("kind").GetString())).ToList();
        Assert.Equal((newFiles[0], runId, "delta"), listed[^1]);
        Assert.All(listed[..^1], f => Assert.Equal((Path.GetFileName(before), "base"), (f.Item2, f.Item3)));
        // Tables the delta does not carry: all their files linked.
        foreach (var file in ParquetFiles(Path.Combine(DataDirectory.LakeDir(before), "case_events")))
            Assert.Equal(Inode(Path.Combine(DataDirectory.LakeDir(before), "case_events", file)), Inode(Path.Combine(DataDirectory.LakeDir(after), "case_events", file)));

        AssertLakeEqualsWarehouse(after);
        AssertLakeEqualsWarehouse(before);   // the snapshot in service before is untouched
    }

    [Fact]
    public void Compaction_keeps_every_row_leaves_fewer_files_and_the_snapshot_in_service_readable_throughout()
    {
        using var tmp = new TempDir();
        var data = Data(tmp);
        var store = new SnapshotStore(data);
        RunDelta(tmp, data, Delta("fixture-delta-1", newMonths: false));
        RunDelta(tmp, data, Delta("fixture-delta-2", status: "ended", amount: "416.00", newMonths: false));
        var before = store.CurrentSnapshotDir()!;
        var filesBefore = ParquetFiles(Path.Combine(DataDirectory.LakeDir(before), "payments")).Count;
        using var db = Duck.Memory();
        string Fingerprint(string snapshot) => string.Join(" ", LakeTable.All.Select(t =>
            db.Scalar($"SELECT count(*) || '/' || coalesce(sum(hash(row_)), 0) FROM {t.ReadSql(DataDirectory.LakeDir(snapshot))} AS row_")));
        var expected = Fingerprint(before);

        // A reader keeps reading whatever CURRENT names while `etl compact` runs in another process.
        using var compact = EtlProcess.Start(null, "compact", "--data", data, "--max-delta-files", "1");
        var reads = 0;
        while (!compact.Process.HasExited)
        {
            Assert.Equal(expected, Fingerprint(store.CurrentSnapshotDir()!));
            reads++;
        }
        Assert.True(compact.Process.WaitForExit(120_000));
        Assert.True(compact.Process.ExitCode == 0, compact.Output);
        Assert.True(reads > 0);
        Assert.Contains("compact: payments: ", compact.Output);   // the progress line of each table compacted

        var after = store.CurrentSnapshotDir()!;
        Assert.NotEqual(before, after);
        Assert.Equal(expected, Fingerprint(after));
        AssertLakeEqualsWarehouse(after);
        var payments = Path.Combine(DataDirectory.LakeDir(after), "payments");
        // One file per month, as a full export lays it out: 8 months, where the base's 8 and 2 delta files were.
        Assert.Equal(10, filesBefore);
        Assert.Equal(8, ParquetFiles(payments).Count);
        Assert.DoesNotContain(ParquetFiles(payments), f => f.StartsWith("delta-", StringComparison.Ordinal));
        Assert.Equal(0, LakeManifest.Load(LakeTable.For("payments"), payments).DeltaFiles);
        // The warehouse of the compacted snapshot holds the same rows, stamped with its own run id.
        db.Exec($"ATTACH {Duck.Lit(DataDirectory.WarehouseFile(before))} AS a (READ_ONLY); ATTACH {Duck.Lit(DataDirectory.WarehouseFile(after))} AS b (READ_ONLY)");
        var tables = db.Column("SELECT table_name FROM duckdb_tables() WHERE database_name = 'a' AND table_name <> 'run_meta' ORDER BY 1");
        Assert.Equal(tables, db.Column("SELECT table_name FROM duckdb_tables() WHERE database_name = 'b' AND table_name <> 'run_meta' ORDER BY 1"));
        Assert.Contains("indicator_values", tables);
        foreach (var table in tables)
        {
            Assert.Equal((table, 0L), (table, db.Count($"SELECT count(*) FROM (FROM a.{table} EXCEPT ALL FROM b.{table})")));
            Assert.Equal((table, 0L), (table, db.Count($"SELECT count(*) FROM (FROM b.{table} EXCEPT ALL FROM a.{table})")));
        }
        Assert.Equal(Path.GetFileName(after), db.Scalar("SELECT run_id FROM b.run_meta"));

        // Nothing more to fold: the scheduler's job (run by run-job, as the scheduler runs it) is skipped and publishes nothing.
        var config = Path.Combine(tmp.Root, "schedules.json");
        File.WriteAllText(config, """{ "jobs": [ { "name": "compact", "type": "compact-lake", "settings": { "max_delta_files": 1 } } ] }""");
        var (exit, output) = EtlProcess.Run(null, "run-job", "compact", "--config", config, "--data", data);
        Assert.True(exit == 0, output);
        var job = Assert.Single(Monitoring.DataDir.Operations.JobHistory.Recent(data, 10));
        Assert.Equal(("compact", "skipped"), (job.JobName, job.Status));
        Assert.Equal(after, store.CurrentSnapshotDir());
    }

    [Fact]
    public void A_truncated_or_altered_delta_file_stops_its_readers_with_the_file_named()
    {
        using var tmp = new TempDir();
        var data = Data(tmp);
        var store = new SnapshotStore(data);
        RunDelta(tmp, data, Delta("fixture-delta-1"));
        var snapshot = store.CurrentSnapshotDir()!;
        var runId = Path.GetFileName(snapshot);
        var file = Path.Combine(DataDirectory.LakeDir(snapshot), "households", $"delta-{runId}.parquet");
        var bytes = File.ReadAllBytes(file);
        var named = $"snapshots/{runId}/lake/households/delta-{runId}.parquet";

        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);   // truncated
        var (exit, output) = EtlProcess.Run(null, "compact", "--data", data, "--max-delta-files", "0");
        Assert.Equal(1, exit);
        Assert.Contains(named, output);
        Assert.Contains("truncated", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(snapshot, store.CurrentSnapshotDir());   // nothing published
        Assert.Empty(Directory.Exists(store.Dir.BuildingDir) ? Directory.GetDirectories(store.Dir.BuildingDir) : []);

        var altered = (byte[])bytes.Clone();
        altered[bytes.Length / 2] ^= 0x5A;                       // one byte changed, same size
        File.WriteAllBytes(file, altered);
        var delta = CliRun.Of(Delta("fixture-delta-2").Write(tmp["delta-2"]), data);
        Assert.Equal(2, delta.ExitCode);                          // a delta cannot apply to a damaged state: refused
        Assert.Contains(named, delta.Error);
        Assert.Contains("SHA-256", delta.Error);
        delta.AssertNoStackTrace();
        Assert.Equal(snapshot, store.CurrentSnapshotDir());

        // A full export replaces a damaged state: the publish guard names the file it cannot compare with, and an
        // operator who has read it publishes with --force.
        var full = FixtureExport.Valid().Write(tmp["full-again"]);
        var refused = CliRun.Of(full, data);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(named, refused.Error);
        var forced = CliRun.Of(full, data, ["--force"]);
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.NotEqual(snapshot, store.CurrentSnapshotDir());
        AssertLakeEqualsWarehouse(store.CurrentSnapshotDir()!);
    }
}
