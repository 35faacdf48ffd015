using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// Variants of the fixture's real export for the operations tests, each written into its own drop folder with a new
/// export_id (so the ingest job does not skip it as already loaded).
/// </summary>
public static class TestExports
{
    /// <summary>The export with the last line of payments.csv cut off and the manifest left as it was: refused as truncated.</summary>
    public static string Truncated(string source, string dropFolder, string exportId)
    {
        var dest = CopyInto(source, dropFolder, "export-truncated");
        var path = Path.Combine(dest, "payments.csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^1]);
        RewriteManifest(dest, exportId, updateFiles: []);
        return dest;
    }

    /// <summary>
    /// The export with <paramref name="file"/> cut to its header and the manifest updated to match: it passes the checks
    /// against the manifest, and the publish guard refuses it (the file would lose every row the snapshot in service holds).
    /// </summary>
    public static string HeaderOnly(string source, string dropFolder, string exportId, string file)
    {
        var dest = CopyInto(source, dropFolder, "export-header-only");
        var path = Path.Combine(dest, file);
        File.WriteAllLines(path, File.ReadAllLines(path).Take(1));
        RewriteManifest(dest, exportId, updateFiles: [file]);
        return dest;
    }

    /// <summary>
    /// The export plus rows that break one rule each and refer to nothing else, so every original row still loads:
    /// the first <paramref name="budgetDuplicates"/> budget lines repeated byte for byte (duplicate_row), and
    /// <paramref name="badMeasures"/> new households whose measure is not in its list (not_in_list).
    /// </summary>
    public static string WithQuarantine(string source, string dropFolder, string exportId, int budgetDuplicates, int badMeasures)
    {
        var dest = CopyInto(source, dropFolder, "export-quarantine");
        var budget = Path.Combine(dest, "budget.csv");
        var budgetLines = File.ReadAllLines(budget);
        File.WriteAllLines(budget, budgetLines.Concat(budgetLines.Skip(1).Take(budgetDuplicates)));

        var households = Path.Combine(dest, "households.csv");
        var lines = File.ReadAllLines(households);
        var header = lines[0].Split(';');
        var template = lines[1].Split(';');
        var added = Enumerable.Range(1, badMeasures).Select(i =>
        {
            var v = (string[])template.Clone();
            v[Array.IndexOf(header, "household_id")] = $"H9{i:0000000}";
            v[Array.IndexOf(header, "measure")] = "XYZ";
            return string.Join(';', v);
        });
        File.WriteAllLines(households, lines.Concat(added));
        RewriteManifest(dest, exportId, updateFiles: ["budget.csv", "households.csv"]);
        return dest;
    }

    private static string CopyInto(string source, string dropFolder, string name)
    {
        var dest = Path.Combine(dropFolder, name);
        Directory.CreateDirectory(dest);
        foreach (var f in Directory.GetFiles(source)) File.Copy(f, Path.Combine(dest, Path.GetFileName(f)), overwrite: true);
        return dest;
    }

    private static void RewriteManifest(string dir, string exportId, string[] updateFiles)
    {
        var path = Path.Combine(dir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["export_id"] = exportId;
        foreach (var file in updateFiles)
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, file));
            manifest["files"]![file]!["rows"] = File.ReadAllLines(Path.Combine(dir, file)).Length - 1;
            manifest["files"]![file]!["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        File.WriteAllText(path, manifest.ToJsonString(), new UTF8Encoding(false));
    }
}
