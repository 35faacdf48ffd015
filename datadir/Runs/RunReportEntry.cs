namespace Monitoring.DataDir.Runs;

/// <summary>
/// One pipeline run as DATA_DIR/runs/&lt;run_id&gt;.json records it (the etl's RunReport), read with only the fields the
/// operations page shows. The dashboards do not reference the etl project, so the JSON is read by name here.
/// </summary>
/// <param name="Status">succeeded | refused | failed | skipped, or "unreadable" for a report that is not valid JSON.</param>
/// <param name="Files">per export file: rows read, loaded, quarantined and the quarantine reasons with their counts.</param>
public sealed record RunReportEntry(
    string RunId,
    string? ExportId,
    string? Kind,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<RunFileCounts> Files)
{
    public long Read => Files.Sum(f => f.Read);
    public long Loaded => Files.Sum(f => f.Loaded);
    public long Quarantined => Files.Sum(f => f.Quarantined);
}
