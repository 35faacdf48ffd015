using System.Text.Json;

namespace Monitoring.DataDir.Releases;

/// <summary>
/// Lists the research extracts under DATA_DIR/research, newest run first. A folder counts once it holds
/// extract-report.json: the extractor writes under a ".building-*" name and renames the folder whole, so a folder
/// without its report (or with a leading dot) is half-written or foreign and is not offered.
/// </summary>
public static class ResearchExtracts
{
    public const string ReportFile = "extract-report.json";

    public static IReadOnlyList<ResearchExtract> List(string dataDir)
    {
        var root = new DataDirectory(dataDir).ResearchDir;
        if (!Directory.Exists(root)) return [];
        var extracts = new List<ResearchExtract>();
        foreach (var folder in Directory.GetDirectories(root))
        {
            var id = Path.GetFileName(folder);
            var report = DataDirectory.ExtractReport(folder);
            if (!SafeName.IsValid(id) || !File.Exists(report)) continue;
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(report));
                var r = doc.RootElement;
                var files = Directory.GetFiles(folder).Select(f => new FileInfo(f)).Where(f => SafeName.IsValid(f.Name))
                    .OrderBy(f => f.Name, StringComparer.Ordinal)
                    .Select(f => new DownloadFile(f.Name, f.Length, OpenDataReleases.MediaType(f.Name))).ToList();
                extracts.Add(new ResearchExtract(id, folder, Str(r, "project") ?? id, Str(r, "run_id") ?? "", Str(r, "reference_date") ?? "",
                    r.TryGetProperty("k", out var k) && k.TryGetInt32(out var kv) ? kv : 0,
                    r.TryGetProperty("achieved_k", out var a) && a.TryGetInt64(out var av) ? av : null, files));
            }
            catch (JsonException) { /* a report being rewritten or damaged: not offered until it reads */ }
        }
        return extracts.OrderByDescending(e => e.RunId, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private static string? Str(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
