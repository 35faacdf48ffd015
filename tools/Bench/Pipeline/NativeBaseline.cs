using System.Diagnostics;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Etl.Contract;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// The yardstick: DuckDB's own read_csv → COPY (FORMAT parquet) of the same export files, in this
/// process, with DuckDB's default Parquet settings (snappy, as the lake). Nothing is validated or pseudonymized: it is the
/// fastest any pipeline on this engine could turn these CSVs into Parquet.
/// </summary>
public static class NativeBaseline
{
    public static (double Seconds, long Rows) Run(string exportDir, string outDir)
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);
        // Both sides read the files from the page cache: the pipeline runs after this, so a cold
        // first read would be charged to the yardstick alone (seen: 19 s cold against 11 s warm).
        foreach (var f in ExportContract.Files)
        {
            using var warm = File.OpenRead(Path.Combine(exportDir, f.FileName));
            warm.CopyTo(Stream.Null);
        }
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        foreach (var f in ExportContract.Files)
        {
            var src = Path.Combine(exportDir, f.FileName);
            var dst = Path.Combine(outDir, f.Stem + ".parquet");
            Sql.Exec(conn, $"COPY (SELECT * FROM read_csv('{src}', delim = ';', header = true, quote = '\"', escape = '\"')) TO '{dst}' (FORMAT parquet)");
            rows += Sql.Scalar<long>(conn, $"SELECT count(*) FROM read_parquet('{dst}')");
        }
        return (clock.Elapsed.TotalSeconds, rows);
    }
}
