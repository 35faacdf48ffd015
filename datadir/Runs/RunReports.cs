using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.DataDir.Runs;

/// <summary>
/// Reads the run reports in DATA_DIR/runs (every run, refused and failed ones included), newest first. File names are
/// run ids (yyyyMMddTHHmmssZ-xxxxxx), which sort by time; anything else in the folder is ignored.
/// </summary>
public static partial class RunReports
{
    /// <summary>The status given to a report file that is not a readable <see cref="RunReport"/>.</summary>
    public const RunStatus Unreadable = RunStatus.Unreadable;

    public static IReadOnlyList<RunReport> Newest(string dataDir, int n) =>
        NewestFirst(dataDir).Take(n).Select(f => Read(f.Path, f.Id)).ToList();

    /// <summary>
    /// The reports of the runs started at or after <paramref name="since"/> (UTC), newest first, however many there are:
    /// a run id begins with its start time, so the files outside the window are never opened.
    /// </summary>
    public static IReadOnlyList<RunReport> StartedSince(string dataDir, DateTime since)
    {
        var first = SnapshotStore.RunIdTime(since);
        return NewestFirst(dataDir).TakeWhile(f => string.CompareOrdinal(f.Id, first) >= 0).Select(f => Read(f.Path, f.Id)).ToList();
    }

    private static IEnumerable<(string Path, string Id)> NewestFirst(string dataDir)
    {
        var folder = new DataDirectory(dataDir).RunsDir;
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.json")
            .Select(p => (Path: p, Id: Path.GetFileNameWithoutExtension(p)))
            .Where(f => RunId().IsMatch(f.Id))
            .OrderByDescending(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>One report by run id, or null (the id is checked against the run-id pattern first: it comes from a URL).</summary>
    public static RunReport? Find(string dataDir, string runId)
    {
        if (!RunId().IsMatch(runId)) return null;
        var path = new DataDirectory(dataDir).RunReport(runId);
        return File.Exists(path) ? Read(path, runId) : null;
    }

    /// <summary>The report at <paramref name="path"/>; one that cannot be read has status <see cref="Unreadable"/>.</summary>
    public static RunReport Read(string path, string runId)
    {
        try
        {
            // The pipeline may be writing a report this very moment: share the file rather than fail the page.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var report = JsonSerializer.Deserialize<RunReport>(stream) ?? throw new JsonException("empty report");
            if (string.IsNullOrEmpty(report.RunId)) report.RunId = runId;
            return report;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return new RunReport { RunId = runId, Status = Unreadable, Error = "the report file could not be read" };
        }
    }

    [GeneratedRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{6}$")]
    private static partial Regex RunId();
}
