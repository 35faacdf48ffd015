using System.Text.Json;
using DuckDB.NET.Data;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using Monitoring.Warehouse.StarSchema;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// Recomputes the star schema, indicators and flags of the snapshot in service (e.g. after a change
/// to the catalogue's SQL) without reading an export again. Snapshots are immutable: the current one
/// is copied into building/, rebuilt there and published like any run.
/// </summary>
public static class SnapshotRebuilder
{
    public static string Rebuild(string dataDir)
    {
        var store = new SnapshotStore(dataDir);
        var current = store.CurrentSnapshotDir() ?? throw new InvalidOperationException($"{dataDir}: no snapshot in service to rebuild");
        if (!WriterLock.TryAcquire(store.Dir.Root, "rebuild of indicators and flags", out var writerLock, out var heldBy))
            throw new InvalidOperationException($"another run holds the writer lock: {heldBy}");
        using (writerLock)
        {
            var runId = SnapshotStore.NewRunId(DateTimeOffset.UtcNow);
            var building = store.Dir.Building(runId);
            try
            {
                CopyDirectory(current, building);
                using (var conn = new DuckDBConnection($"Data Source={DataDirectory.WarehouseFile(building)}"))
                {
                    conn.Open();
                    Sql.Exec(conn, $"UPDATE run_meta SET run_id = '{runId}', built_at = CAST(now() AS TIMESTAMP)");
                    StarSchemaBuilder.Build(conn);
                    Sql.Exec(conn, "CHECKPOINT");
                }
                File.WriteAllText(DataDirectory.RebuiltFromFile(building),
                    JsonSerializer.Serialize(new { rebuilt_from = Path.GetFileName(current), at = DateTimeOffset.UtcNow }));
                store.Publish(runId);
                EpisodeRegisterStep.Run(store.Dir.Root, new RunReport { RunId = runId });
                return runId;
            }
            catch
            {
                if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
                throw;
            }
        }
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            // The lake is read-only once written: hard links would do, but a copy keeps it simple and safe.
            File.Copy(file, target);
        }
    }
}
