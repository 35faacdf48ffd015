using System.Text.Json;
using DuckDB.NET.Data;
using Monitoring.DataDir;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir.Runs;
using Monitoring.DataDir.Snapshots;
using Monitoring.Etl.Episodes;

namespace Monitoring.Etl.Lake;

/// <summary>
/// Housekeeping of the merge-on-read lake: a table whose manifest lists more than <c>maxDeltaFiles</c> delta files is
/// read once with last-writer-wins and written again as one base, laid out as a full export's (one file, or one per
/// month for a month-partitioned table). Snapshots are immutable, so the compacted lake is built beside the one in
/// service — a new snapshot in building/, the other tables linked, the warehouse rewritten with
/// <c>COPY FROM DATABASE</c> (which drops the free blocks deltas leave in it) — and published by the same atomic swap
/// of CURRENT as any run: a reader sees the old snapshot or the new one, both complete. A table whose rows do not
/// count the same after as before stops the compaction, and nothing is published.
/// </summary>
public static class LakeCompactor
{
    public sealed record Result(string? RunId, IReadOnlyList<string> Tables, int FilesBefore, int FilesAfter, long WarehouseBytesBefore, long WarehouseBytesAfter);

    public static Result Compact(string dataDir, int maxDeltaFiles, Action<string>? progress = null, CancellationToken ct = default)
    {
        var store = new SnapshotStore(dataDir);
        if (!WriterLock.TryAcquire(store.Dir.Root, "lake compaction", out var writerLock, out var heldBy))
            throw new InvalidOperationException($"another run holds the writer lock on {store.Dir.Root}: {heldBy}");
        using (writerLock)
        {
            var current = store.CurrentSnapshotDir() ?? throw new InvalidOperationException($"{store.Dir.Root}: no snapshot in service to compact");
            var lake = DataDirectory.LakeDir(current);
            // Every file checked first (the carried ones are linked into the new snapshot as they are).
            var manifests = LakeTable.All.Where(t => Directory.Exists(t.Dir(lake))).ToDictionary(t => t, t => t.Verify(lake));
            var due = manifests.Where(m => m.Value.DeltaFiles > maxDeltaFiles).Select(m => m.Key).ToList();
            var filesBefore = due.Sum(t => manifests[t].Files.Count);
            if (due.Count == 0)
            {
                progress?.Invoke($"no table has more than {maxDeltaFiles} delta file(s): nothing to compact");
                return new Result(null, [], 0, 0, 0, 0);
            }

            var runId = SnapshotStore.NewRunId(DateTimeOffset.UtcNow);
            var building = store.Dir.Building(runId);
            try
            {
                Directory.CreateDirectory(building);
                var newLake = DataDirectory.LakeDir(building);
                using var conn = new DuckDBConnection("Data Source=:memory:");
                conn.Open();
                Sql.Exec(conn, "SET preserve_insertion_order = false");
                var filesAfter = 0;
                foreach (var table in manifests.Keys)
                {
                    ct.ThrowIfCancellationRequested();
                    if (!due.Contains(table)) { LakeCarry.Carry(table, lake, newLake); continue; }
                    var m = manifests[table];
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var read = table.ReadSql(lake);
                    var rows = Sql.Scalar<long>(conn, $"SELECT count(*) FROM {read}");
                    LakeWriter.Write(conn, table, newLake, runId, $"(SELECT * FROM {read})");
                    var written = LakeManifest.Load(table, table.Dir(newLake));
                    var after = Sql.Scalar<long>(conn, $"SELECT count(*) FROM {table.ReadSql(newLake)}");
                    if (after != rows)
                        throw new InvalidOperationException($"compaction of {table.Stem} would keep {after:N0} rows of {rows:N0}: nothing was published");
                    filesAfter += written.Files.Count;
                    progress?.Invoke($"{table.Stem}: {m.Files.Count} file(s), {m.DeltaFiles} of them delta → {written.Files.Count} file(s), {rows:N0} rows, {clock.Elapsed.TotalSeconds:0.0} s");
                }

                ct.ThrowIfCancellationRequested();
                var whBefore = new FileInfo(DataDirectory.WarehouseFile(current)).Length;
                var whClock = System.Diagnostics.Stopwatch.StartNew();
                CopyWarehouse(conn, DataDirectory.WarehouseFile(current), DataDirectory.WarehouseFile(building), runId);
                var whAfter = new FileInfo(DataDirectory.WarehouseFile(building)).Length;
                progress?.Invoke($"warehouse.duckdb: {whBefore / 1048576.0:N0} MB → {whAfter / 1048576.0:N0} MB, {whClock.Elapsed.TotalSeconds:0.0} s");
                foreach (var file in Directory.GetFiles(current))
                    if (Path.GetFileName(file) is var name && name != Path.GetFileName(DataDirectory.WarehouseFile(current)) && !name.EndsWith(".wal", StringComparison.Ordinal))
                        File.Copy(file, Path.Combine(building, name), overwrite: true);
                File.WriteAllText(DataDirectory.CompactedFromFile(building), JsonSerializer.Serialize(new
                {
                    compacted_from = Path.GetFileName(current), at = DateTimeOffset.UtcNow, tables = due.Select(t => t.Stem),
                }));
                store.Publish(runId);
                progress?.Invoke($"published snapshot {runId} (compacted from {Path.GetFileName(current)})");
                EpisodeRegisterStage.Sync(store.Dir.Root, new RunReport { RunId = runId });
                return new Result(runId, due.Select(t => t.Stem).ToList(), filesBefore, filesAfter, whBefore, whAfter);
            }
            catch
            {
                if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
                throw;
            }
        }
    }

    /// <summary>
    /// The warehouse of the snapshot in service, copied table by table into a new file: the same rows without the
    /// free blocks a delta's copy-and-upsert leaves behind (README § Measured), stamped with the new snapshot's run id.
    /// </summary>
    static void CopyWarehouse(DuckDBConnection conn, string from, string to, string runId)
    {
        Sql.Exec(conn, $"ATTACH {Sql.Literal(from)} AS old_wh (READ_ONLY); ATTACH {Sql.Literal(to)} AS new_wh");
        try
        {
            Sql.Exec(conn, "COPY FROM DATABASE old_wh TO new_wh");
            Sql.Exec(conn, $"UPDATE new_wh.run_meta SET run_id = {Sql.Literal(runId)}");
            Sql.Exec(conn, "CHECKPOINT new_wh");
        }
        finally
        {
            Sql.Exec(conn, "DETACH old_wh; DETACH new_wh");
        }
    }
}
