namespace Monitoring.DataDir.Releases;

/// <summary>
/// One research extract folder DATA_DIR/research/&lt;project&gt;_r&lt;run_id&gt;/ as its extract-report.json describes it
/// (written by `monitoring-etl extract`), with the files it holds.
/// </summary>
/// <param name="AchievedK">the smallest class over the k-anonymized tables, as the report states it.</param>
public sealed record ResearchExtract(
    string Id,
    string Folder,
    string Project,
    string RunId,
    string ReferenceDate,
    int K,
    long? AchievedK,
    IReadOnlyList<DownloadFile> Files);
