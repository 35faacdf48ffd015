namespace Monitoring.Warehouse.Episodes;

/// <summary>
/// One flag episode of an indicator × ATS as the data shows it: from its first flagged month until it has been back
/// inside the limits for the catalogue's number of evaluated months (then <see cref="RecoveredMonth"/> is the month
/// that completed the run), or still going at the last month of the data.
/// </summary>
public sealed record EpisodeSpan(
    string StartMonth,
    string LastFlaggedMonth,
    string? RecoveredMonth,
    int MonthsFlagged,
    int InsideStreak)
{
    public bool Recovered => RecoveredMonth is not null;
}
