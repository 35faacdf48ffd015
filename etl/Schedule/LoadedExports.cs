using System.Text.Json;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Schedule;

/// <summary>Which exports are already loaded: those with a succeeded run report in DATA_DIR/runs/*.json.</summary>
public static class LoadedExports
{
    /// <summary>The run id that loaded <paramref name="exportId"/>, or null when no succeeded run read it.</summary>
    public static string? FindSucceededRun(string dataDir, string exportId)
    {
        var runs = Path.Combine(dataDir, "runs");
        if (!Directory.Exists(runs)) return null;
        foreach (var file in Directory.EnumerateFiles(runs, "*.json"))
        {
            RunReport? report;
            try { report = JsonSerializer.Deserialize<RunReport>(File.ReadAllText(file)); }
            catch (Exception e) when (e is JsonException or IOException) { continue; } // a report being written right now
            if (report is { Status: RunStatus.Succeeded } && report.ExportId == exportId)
                return string.IsNullOrEmpty(report.RunId) ? Path.GetFileNameWithoutExtension(file) : report.RunId;
        }
        return null;
    }
}
