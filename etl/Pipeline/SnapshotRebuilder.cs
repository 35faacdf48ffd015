using System.Text.Json;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using Monitoring.DataDir.Runs;
using Monitoring.Etl.Episodes;

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
                // The same model stages as every run, on the copy, everything rebuilt (no Changed scope).
                var report = new RunReport { RunId = runId };
                using (var run = new RunContext(new PipelineOptions { Source = current, DataDir = dataDir }, store, report, new StageTimer(report, null), CancellationToken.None)
                       { BuildingFolder = building })
                {
                    Sql.Exec(run.OpenWarehouse(), $"UPDATE run_meta SET run_id = '{runId}', built_at = CAST(now() AS TIMESTAMP)");
                    foreach (var stage in PipelineStages.Models) stage.Run(run);
                    run.CloseWarehouse();
                }
                File.WriteAllText(DataDirectory.RebuiltFromFile(building),
                    JsonSerializer.Serialize(new { rebuilt_from = Path.GetFileName(current), at = DateTimeOffset.UtcNow }));
                store.Publish(runId);
                EpisodeRegisterStage.Sync(store.Dir.Root, new RunReport { RunId = runId });
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
