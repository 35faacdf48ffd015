namespace Monitoring.DataDir.Runs;

/// <summary>Which exports are already loaded: those with a succeeded run report in DATA_DIR/runs/*.json.</summary>
public static class LoadedExports
{
    /// <summary>The run id that loaded <paramref name="exportId"/>, or null when no succeeded run read it.</summary>
    public static string? FindSucceededRun(string dataDir, string exportId) =>
        // A report being written right now reads as unreadable and is passed over, as before.
        RunReports.Newest(dataDir, int.MaxValue).FirstOrDefault(r => r is { Status: RunStatus.Succeeded } && r.ExportId == exportId)?.RunId;
}
