using DuckDB.NET.Data;
using Monitoring.Etl.Pipeline;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// The warehouse in service, attached read-only (as <c>wh</c>) to a private in-memory DuckDB: readers never lock
/// or change the snapshot, and the release can stage its own tables in memory before COPY writes them out.
/// </summary>
public sealed class WarehouseSnapshot : IDisposable
{
    public DuckDBConnection Connection { get; }
    public string RunId { get; }
    public string WarehouseFile { get; }

    readonly string _spill;

    WarehouseSnapshot(DuckDBConnection connection, string runId, string file, string spill)
    {
        Connection = connection; RunId = runId; WarehouseFile = file; _spill = spill;
    }

    public static WarehouseSnapshot OpenCurrent(string dataDir)
    {
        var store = new SnapshotStore(dataDir);
        var runId = store.CurrentRunId() ?? throw new InvalidOperationException($"no snapshot in service in {store.Dir.Root} (CURRENT is missing): run the pipeline first");
        var file = store.CurrentWarehouse()!;
        if (!File.Exists(file)) throw new InvalidOperationException($"snapshot {runId} has no {Path.GetFileName(file)}");
        var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        // The run's memory limit here too (a release or an extract reads the whole snapshot), spilling inside DATA_DIR.
        var spill = DuckDbMemory.ReaderSpill(store.Dir);
        try
        {
            DuckDbMemory.Apply(conn, spill);
            Sql.Exec(conn, $"ATTACH {Sql.Literal(file)} AS wh (READ_ONLY)");
        }
        catch
        {
            conn.Dispose();
            throw;
        }
        return new WarehouseSnapshot(conn, runId, file, spill);
    }

    public List<object?[]> Rows(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public void Exec(string sql) => Sql.Exec(Connection, sql);

    public void Dispose()
    {
        Connection.Dispose();
        DuckDbMemory.RemoveSpill(_spill);
    }
}
