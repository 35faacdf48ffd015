using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Access.Data;

/// <summary>
/// Read-only DuckDB connections to the snapshot in service. One root connection per snapshot keeps the
/// database instance open (DuckDB.NET shares one instance per file and connection string within a process),
/// so each query's own connection (a DuckDB connection is not for concurrent use) opens cheaply.
/// CURRENT is read on every Open() (a few bytes), so a new snapshot is served without a restart; when CURRENT moves on, the old root is closed a little later so queries in flight can finish.
/// </summary>
public sealed class WarehouseConnections(SnapshotStore store) : IDisposable
{
    private static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Lazy<DuckDBConnection>> _roots = new();
    private readonly object _gate = new();
    private string? _lastRunId;

    public SnapshotStore Store => store;

    /// <summary>A fresh connection on the snapshot CURRENT names now, and that snapshot's run id.</summary>
    public (DuckDBConnection Connection, string RunId) Open()
    {
        var runId = store.CurrentRunId() ?? throw new NoSnapshotException("no snapshot in service: DATA_DIR/CURRENT is missing");
        var root = _roots.GetOrAdd(runId, id => new Lazy<DuckDBConnection>(() => OpenRoot(id))).Value;
        RetireOthers(runId);
        var connection = new DuckDBConnection(root.ConnectionString);
        connection.Open();
        return (connection, runId);
    }

    private DuckDBConnection OpenRoot(string runId)
    {
        var path = DataDirectory.WarehouseFile(store.Dir.Snapshot(runId));
        if (!File.Exists(path)) throw new NoSnapshotException($"snapshot {runId} has no {Path.GetFileName(path)}");
        var connection = new DuckDBConnection(ConnectionString(path));
        connection.Open();
        try
        {
            // Once per snapshot (the root is cached): an old snapshot is refused for as long as CURRENT names it.
            DashboardMarts.Require(connection, runId);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    public static string ConnectionString(string warehousePath) => $"Data Source={warehousePath};ACCESS_MODE=READ_ONLY";

    private void RetireOthers(string runId)
    {
        lock (_gate)
        {
            if (_lastRunId == runId) return;
            _lastRunId = runId;
        }
        foreach (var old in _roots.Keys.Where(k => k != runId).ToList())
        {
            if (!_roots.TryRemove(old, out var lazy) || !lazy.IsValueCreated) continue;
            var connection = lazy.Value;
            _ = Task.Delay(RetireAfter).ContinueWith(_ => connection.Dispose(), TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        foreach (var lazy in _roots.Values.Where(l => l.IsValueCreated)) lazy.Value.Dispose();
        _roots.Clear();
    }
}
