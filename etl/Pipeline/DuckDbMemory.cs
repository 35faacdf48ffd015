using DuckDB.NET.Data;
using Monitoring.DataDir;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// The one memory setting of every DuckDB database the etl opens for a run, a release or an extract: the in-memory
/// landing database, the new snapshot's warehouse, the snapshot attached by publish and extract. Each gets the same
/// <c>memory_limit</c> and spills above it into a folder inside DATA_DIR that its owner deletes when done.
/// </summary>
/// <remarks>
/// Why one limit for both, and 2 GB: a run never has two of these databases open at once (the landing database is
/// closed before the warehouse is opened, <see cref="RunContext.OpenWarehouse"/>), so the process holds one
/// DuckDB buffer pool at a time; with .NET's own heap beside it (the pseudonym maps, the run report; a few hundred MB at
/// national scale) and DuckDB's allocations outside its buffer pool, 2 GB keeps the whole process under the 3 GB target
/// (issue 18). Before this, the warehouse had no limit: DuckDB's default is 80% of the machine's memory, and the
/// national run reached 4.0 GB in the indicators stage.
/// </remarks>
public static class DuckDbMemory
{
    public const string EnvironmentVariable = "MONITORING_DUCKDB_MEMORY";
    public const string DefaultLimit = "2GB";

    /// <summary>DuckDB's <c>memory_limit</c> (e.g. "2GB", "300MB"), from MONITORING_DUCKDB_MEMORY or 2GB.</summary>
    public static string Limit { get; set; } =
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value.Trim() : DefaultLimit;

    /// <summary>Raised on the opening thread once a connection has its limit: the benchmark reads DuckDB's own
    /// accounting (<c>duckdb_memory()</c>) through it between stages. Nothing in the product listens.</summary>
    public static event Action<DuckDBConnection>? Applied;

    /// <summary>Sets the limit and where to spill above it, before anything is read into <paramref name="connection"/>.</summary>
    public static void Apply(DuckDBConnection connection, string spillDir)
    {
        // DuckDB creates the spill folder itself on first need, but not its parent (DATA_DIR/tmp).
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(spillDir))!);
        try
        {
            Sql.Exec(connection, $"SET memory_limit = {Sql.Literal(Limit)}; SET temp_directory = {Sql.Literal(spillDir)};");
        }
        catch (DuckDBException e) when (e.Message.Contains("memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{EnvironmentVariable}={Limit} is not a DuckDB memory limit (e.g. 2GB or 500MB): {e.Message.Split('\n')[0]}");
        }
        Applied?.Invoke(connection);
    }

    /// <summary>A spill folder of its own for a reader that holds no writer lock (publish, extract): DATA_DIR/tmp/read-&lt;pid&gt;-&lt;random&gt;,
    /// which the reader deletes when done (and the landing clean-up once its process is gone).</summary>
    public static string ReaderSpill(DataDirectory dir) =>
        dir.Temp($"{DataDirectory.ReaderTempPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Deletes a spill folder (DuckDB removes its files on close; the folder stays).</summary>
    public static void RemoveSpill(string spillDir)
    {
        try { if (Directory.Exists(spillDir)) Directory.Delete(spillDir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the landing clean-up removes leftovers */ }
    }
}
