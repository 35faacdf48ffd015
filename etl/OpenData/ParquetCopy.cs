using DuckDB.NET.Data;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// Writes a query to Parquet with DuckDB's COPY (zstd), carrying key/value metadata in the file footer
/// (column descriptions, source, licence) so the file explains itself when it travels alone.
/// </summary>
public static class ParquetCopy
{
    public static void Write(DuckDBConnection conn, string query, string path, IReadOnlyDictionary<string, string> metadata)
    {
        var kv = string.Join(", ", metadata.Select(m => $"{Sql.Literal(m.Key)}: {Sql.Literal(m.Value)}"));
        var options = metadata.Count > 0 ? $"FORMAT parquet, COMPRESSION zstd, KV_METADATA {{{kv}}}" : "FORMAT parquet, COMPRESSION zstd";
        Sql.Exec(conn, $"COPY ({query}) TO {Sql.Literal(path)} ({options})");
    }

    /// <summary>Metadata for a resource: one "column:NAME" key per field (English and Italian descriptions) plus the table's title.</summary>
    public static Dictionary<string, string> DescribeFields(IEnumerable<FieldSpec> fields, string title)
    {
        var meta = new Dictionary<string, string> { ["title"] = title };
        foreach (var f in fields) meta["column:" + f.Name] = f.DescriptionEn + " | IT: " + f.DescriptionIt;
        return meta;
    }
}
