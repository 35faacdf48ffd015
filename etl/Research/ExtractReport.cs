namespace Monitoring.Etl.Research;

/// <summary>What an extract holds and how it was anonymized; written as extract-report.json beside the files.</summary>
public sealed record ExtractReport(
    string Project,
    string Folder,
    string RunId,
    string ReferenceDate,
    int K,
    int GeneralizationRung,
    IReadOnlyList<string> Generalized,
    IReadOnlyList<TableAnonymity> Anonymity,
    IReadOnlyDictionary<string, long> Rows)
{
    /// <summary>The smallest class over the k-anonymized tables.</summary>
    public long AchievedK => Anonymity.Min(a => a.AchievedK);
}
