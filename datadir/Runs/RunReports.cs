using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitoring.DataDir.Runs;

/// <summary>
/// Reads the run reports in DATA_DIR/runs (every run, refused and failed ones included), newest first. File names are
/// run ids (yyyyMMddTHHmmssZ-xxxxxx), which sort by time; anything else in the folder is ignored.
/// </summary>
public static partial class RunReports
{
    public static string Folder(string dataDir) => Path.Combine(dataDir, "runs");

    public static IReadOnlyList<RunReportEntry> Newest(string dataDir, int n)
    {
        var folder = Folder(dataDir);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.json")
            .Select(p => (Path: p, Id: Path.GetFileNameWithoutExtension(p)))
            .Where(f => RunId().IsMatch(f.Id))
            .OrderByDescending(f => f.Id, StringComparer.Ordinal)
            .Take(n)
            .Select(f => Read(f.Path, f.Id))
            .ToList();
    }

    /// <summary>One report by run id, or null (the id is checked against the run-id pattern first: it comes from a URL).</summary>
    public static RunReportEntry? Find(string dataDir, string runId)
    {
        if (!RunId().IsMatch(runId)) return null;
        var path = Path.Combine(Folder(dataDir), runId + ".json");
        return File.Exists(path) ? Read(path, runId) : null;
    }

    public static RunReportEntry Read(string path, string runId)
    {
        try
        {
            // The pipeline may be writing a report this very moment: share the file rather than fail the page.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var doc = JsonDocument.Parse(stream);
            var root = doc.RootElement;
            var files = new List<RunFileCounts>();
            if (root.TryGetProperty("files", out var f) && f.ValueKind == JsonValueKind.Object)
                foreach (var file in f.EnumerateObject())
                    files.Add(new RunFileCounts(file.Name, Long(file.Value, "read"), Long(file.Value, "loaded"), Long(file.Value, "quarantined"),
                        Reasons(file.Value), Strings(file.Value, "unknown_columns")));
            return new RunReportEntry(Str(root, "run_id") ?? runId, Str(root, "export_id"), Str(root, "kind"), Str(root, "status") ?? "failed",
                Time(root, "started_at"), Time(root, "finished_at"), Str(root, "error"), files);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException)
        {
            return new RunReportEntry(runId, null, null, "unreadable", null, null, "the report file could not be read", []);
        }
    }

    private static string? Str(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Long(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    private static DateTimeOffset? Time(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;

    private static IReadOnlyDictionary<string, long> Reasons(JsonElement file)
        => file.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Object
            ? r.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetInt64())
            : new Dictionary<string, long>();

    private static IReadOnlyList<string> Strings(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    [GeneratedRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{6}$")]
    private static partial Regex RunId();
}
