namespace Monitoring.Etl.Research;

/// <summary>What an extract holds and how it was anonymized; written as extract-report.json beside the files.</summary>
public sealed record ExtractReport(
    string Project,
    string Folder,
    string RunId,
    string ReferenceDate,
    int K,
    string Threshold,
    double MaxSuppressedShare,
    int GeneralizationRung,
    IReadOnlyList<string> Generalized,
    IReadOnlyList<TableAnonymity> Anonymity,
    IReadOnlyList<DisclosureRisk> RiskBefore,
    IReadOnlyList<DisclosureRisk> RiskAfter,
    IReadOnlyList<RungTrial> Ladder,
    IReadOnlyDictionary<string, long> Rows)
{
    /// <summary>The smallest class over the k-anonymized tables.</summary>
    public long AchievedK => Anonymity.Min(a => a.AchievedK);
}
