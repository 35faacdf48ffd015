using Monitoring.Warehouse.Pseudonyms;
using DuckDB.NET.Data;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Pseudonymize;

/// <summary>
/// Builds <c>pmap_&lt;domain&gt;(id, key)</c> in the landing database: every distinct identifier of
/// a domain, across all files of the export, pseudonymized once (HMAC costs ~1 µs a value, and a
/// household id recurs in ~15 payment rows). Staging models join to these maps.
/// The ids stream out of DuckDB and their keys go back in batches of <see cref="DefaultBatch"/>, through an appender on a
/// second connection (a connection streaming a result runs nothing else): the .NET heap holds one batch, not every
/// id of a domain (6.6M person ids at the history preset's scale), while validation fills DuckDB's own memory beside it.
/// </summary>
public static class PseudonymMaps
{
    /// <summary>Ids per batch: large enough that a batch's HMACs and appends dwarf its overhead, small enough that the
    /// .NET heap never holds more than a few MB of ids.</summary>
    public const int DefaultBatch = 100_000;

    /// <param name="batch">Ids per batch; another size only in tests, to cross the batch boundary on a small export.</param>
    public static IReadOnlyDictionary<string, long> Build(DuckDBConnection conn, Pseudonymizer pseudonymizer, IEnumerable<FileSpec> loadedFiles, int batch = DefaultBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var sources = loadedFiles
            .SelectMany(f => f.Columns.Where(c => c.PseudonymDomain is not null).Select(c => (f, c)))
            .GroupBy(x => x.c.PseudonymDomain!);
        var counts = new Dictionary<string, long>();
        using var writer = conn.Duplicate();
        writer.Open();
        foreach (var domain in sources)
        {
            var union = string.Join(" UNION ALL ", domain.Select(x => $"SELECT \"{x.c.Name}\" AS id FROM raw_{x.f.Stem}"));
            Sql.Exec(conn, $"CREATE OR REPLACE TABLE pmap_{domain.Key} (id VARCHAR, key UUID)");
            long count = 0;
            var ids = new List<string>(Math.Min(batch, DefaultBatch));
            using (var appender = writer.CreateAppender($"pmap_{domain.Key}"))
            {
                void Flush()
                {
                    var keys = pseudonymizer.PseudonymizeAll(domain.Key, ids);
                    for (int i = 0; i < ids.Count; i++)
                        appender.CreateRow().AppendValue(ids[i]).AppendValue(keys[i]).EndRow();
                    count += ids.Count;
                    ids.Clear();
                }
                using var cmd = conn.CreateCommand();
                cmd.UseStreamingMode = true;
                cmd.CommandText = $"SELECT DISTINCT id FROM ({union}) WHERE id IS NOT NULL";
                using (var reader = cmd.ExecuteReader())
                    while (reader.Read())
                    {
                        ids.Add(reader.GetString(0));
                        if (ids.Count == batch) Flush();
                    }
                if (ids.Count > 0) Flush();
            }
            counts[domain.Key] = count;
        }
        return counts;
    }
}
