namespace Monitoring.Tests.Etl.Schedule;

/// <summary>A real, throw-away folder (a <see cref="TempDir"/>) holding a DATA_DIR, a drop folder and a schedules.json.</summary>
public sealed class TempDataDir : IDisposable
{
    private readonly TempDir _tmp = new("sched-");
    public string Root => _tmp.Root;
    public string Data => Path.Combine(Root, "data");
    public string Drop => Path.Combine(Root, "drop");

    public TempDataDir()
    {
        Directory.CreateDirectory(Data);
        Directory.CreateDirectory(Drop);
    }

    /// <summary>Writes schedules.json text (as the operator would) and returns its path.</summary>
    public string WriteConfig(string json, string name = "schedules.json")
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>An export folder in the drop folder holding only its manifest.</summary>
    public string DropExport(string folder, string exportId, string extractedAt)
    {
        var path = Path.Combine(Drop, folder);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "manifest.json"), Manifest(exportId, extractedAt));
        return path;
    }

    public static string Manifest(string exportId, string extractedAt) =>
        $$"""{ "contract_version": "1", "export_id": "{{exportId}}", "extracted_at": "{{extractedAt}}", "reference_date": "2026-10-31", "kind": "full", "files": {} }""";

    /// <summary>A published snapshot: snapshots/&lt;id&gt;/ and CURRENT naming it.</summary>
    public void Publish(string runId)
    {
        Directory.CreateDirectory(Path.Combine(Data, "snapshots", runId));
        File.WriteAllText(Path.Combine(Data, "CURRENT"), runId + "\n");
    }

    public string? Current => File.Exists(Path.Combine(Data, "CURRENT")) ? File.ReadAllText(Path.Combine(Data, "CURRENT")).Trim() : null;

    public void Dispose() => _tmp.Dispose();
}
