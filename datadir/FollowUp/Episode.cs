namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// One flag episode in the follow-up register: what the data showed (start, latest, recovery) and what the ministry
/// did (status, reason, notes, who and when, when assistance started). Its id is the one it was first known by
/// (indicator:ATS:first flagged month) and never changes, so its status carries across every later load.
/// </summary>
public sealed record Episode(
    string EpisodeId,
    string IndicatorId,
    string AtsCode,
    string? RegionCode,
    string StartMonth,
    double? StartValue,
    double? StartNationalValue,
    string StartSeverity,
    string WorstSeverity,
    string LastFlaggedMonth,
    int MonthsFlagged,
    int RecoveryMonths,
    string? RecoveredMonth,
    string LatestMonth,
    double? LatestValue,
    string LatestSeverity,
    bool InCurrentData,
    FollowUpStatus Status,
    string? Reason,
    string? Notes,
    string UpdatedById,
    string UpdatedByName,
    DateTime UpdatedAt,
    string? AssistanceMonth,
    DateTime? AssistanceAt,
    double? AssistanceValue,
    DateTime OpenedAt)
{
    /// <summary>Back inside the limits for the catalogue's number of months (computed from the data, never typed).</summary>
    public bool Recovered => RecoveredMonth is not null;

    /// <summary>Months from <paramref name="from"/> (YYYY-MM) to the recovery month, or null while not recovered.</summary>
    public int? MonthsToRecovery(string? from) =>
        RecoveredMonth is null || from is null ? null : MonthIndex(RecoveredMonth) - MonthIndex(from);

    /// <summary>Months since the episode opened, counted to <paramref name="month"/> (YYYY-MM).</summary>
    public int AgeMonths(string month) => Math.Max(0, MonthIndex(month) - MonthIndex(StartMonth));

    public static int MonthIndex(string month) => int.Parse(month[..4]) * 12 + int.Parse(month[5..7]) - 1;
}
