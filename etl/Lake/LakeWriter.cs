using DuckDB.NET.Data;

namespace Monitoring.Etl.Lake;

/// <summary>
/// Writes the staged (pseudonymized) tables as Parquet with DuckDB's own writer — measured faster than
/// Parquet.Net for the same files (README) — snappy-compressed (zstd took 4× longer on the 10M payment
/// rows, whose 128-bit pseudonyms hardly compress, for a 1.7× smaller file), month-partitioned tables as hive folders
/// (month=YYYY-MM/) so one month can be read alone. The partition column is also kept inside the files
/// so each file is self-describing.
/// </summary>
public static class LakeWriter
{
    /// <param name="source">the table to write, by default the staged table of the landing database.</param>
    public static void Write(DuckDBConnection conn, LakeTable table, string lakeDir, string? source = null)
    {
        var dir = Path.Combine(lakeDir, table.Stem);
        Directory.CreateDirectory(dir);
        var target = table.MonthPartition is null ? Path.Combine(dir, $"{table.Stem}.parquet") : dir;
        var partition = table.MonthPartition is null ? "" : $", PARTITION_BY ({table.MonthPartition}), WRITE_PARTITION_COLUMNS true, OVERWRITE_OR_IGNORE true";
        Sql.Exec(conn, $"COPY {source ?? table.Table} TO {Sql.Literal(target)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880{partition})");
    }
}
