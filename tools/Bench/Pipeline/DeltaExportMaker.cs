using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// Derives a daily delta from a full export for the benchmark: ~1% of households change status,
/// ~1% of payments are corrected, written as a contract-conformant `kind: delta` export
/// (only the changed files, manifest with counts and hashes).
/// </summary>
public static class DeltaExportMaker
{
    public static string Make(string fullExport, string deltaDir, double share = 0.01)
    {
        if (File.Exists(Path.Combine(deltaDir, "manifest.json"))) return deltaDir;
        Directory.CreateDirectory(deltaDir);
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        string Read(string f) => ReadPath(Path.Combine(fullExport, f));
        string ReadPath(string path) => $"read_csv('{path}', delim = ';', header = true, all_varchar = true, quote = '\"', escape = '\"')";
        string Out(string f) => Path.Combine(deltaDir, f);
        Sql.Exec(conn, $"""
            COPY (SELECT * REPLACE (CASE WHEN status = 'active' THEN 'ended' ELSE status END AS status)
                  FROM {Read("households.csv")} WHERE hash(household_id) % 100 < {share * 100})
              TO '{Out("households.csv")}' (FORMAT csv, DELIMITER ';', HEADER, QUOTE '"');
            COPY (SELECT * REPLACE (CAST(round(CAST(amount_eur AS DECIMAL(12,2)) * 1.02, 2) AS VARCHAR) AS amount_eur)
                  FROM {Read("payments.csv")} WHERE hash(household_id, period) % 100 < {share * 100})
              TO '{Out("payments.csv")}' (FORMAT csv, DELIMITER ';', HEADER, QUOTE '"');
            """);
        var full = JsonDocument.Parse(File.ReadAllText(Path.Combine(fullExport, "manifest.json"))).RootElement;
        var files = new Dictionary<string, object>();
        foreach (var f in new[] { "households.csv", "payments.csv" })
        {
            var rows = Sql.Scalar<long>(conn, $"SELECT count(*) FROM {ReadPath(Out(f))}");
            using var s = File.OpenRead(Out(f));
            files[f] = new { rows, sha256 = Convert.ToHexStringLower(SHA256.HashData(s)) };
        }
        var manifest = new Dictionary<string, object>
        {
            ["contract_version"] = "1",
            ["export_id"] = full.GetProperty("export_id").GetString() + "-delta",
            ["extracted_at"] = full.GetProperty("extracted_at").GetString()!,
            ["reference_date"] = full.GetProperty("reference_date").GetString()!,
            ["kind"] = "delta",
            ["files"] = files,
        };
        File.WriteAllText(Path.Combine(deltaDir, "manifest.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        return deltaDir;
    }
}
