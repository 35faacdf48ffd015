using Monitoring.Warehouse.Pseudonyms;
using DuckDB.NET.Data;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Pseudonymize;

/// <summary>
/// Builds <c>pmap_&lt;domain&gt;(id, key)</c> in the landing database: every distinct identifier of
/// a domain, across all files of the export, pseudonymized once (HMAC costs ~1 µs a value, and a
/// household id recurs in ~15 payment rows). Staging models join to these maps.
/// </summary>
public static class PseudonymMaps
{
    public static IReadOnlyDictionary<string, long> Build(DuckDBConnection conn, Pseudonymizer pseudonymizer, IEnumerable<FileSpec> loadedFiles)
    {
        var sources = loadedFiles
            .SelectMany(f => f.Columns.Where(c => c.PseudonymDomain is not null).Select(c => (f, c)))
            .GroupBy(x => x.c.PseudonymDomain!);
        var counts = new Dictionary<string, long>();
        foreach (var domain in sources)
        {
            var union = string.Join(" UNION ALL ", domain.Select(x => $"SELECT \"{x.c.Name}\" AS id FROM raw_{x.f.Stem}"));
            var ids = new List<string>();
            using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = $"SELECT DISTINCT id FROM ({union}) WHERE id IS NOT NULL";
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) ids.Add(reader.GetString(0));
            }
            var keys = pseudonymizer.PseudonymizeAll(domain.Key, ids);
            Sql.Exec(conn, $"CREATE OR REPLACE TABLE pmap_{domain.Key} (id VARCHAR, key UUID)");
            using (var appender = conn.CreateAppender($"pmap_{domain.Key}"))
            {
                for (int i = 0; i < ids.Count; i++)
                    appender.CreateRow().AppendValue(ids[i]).AppendValue(keys[i]).EndRow();
            }
            counts[domain.Key] = ids.Count;
        }
        return counts;
    }
}
