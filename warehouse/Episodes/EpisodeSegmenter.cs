namespace Monitoring.Warehouse.Episodes;

/// <summary>
/// Cuts one indicator × ATS series of monthly funnel outcomes into episodes. An episode opens at a flagged month
/// when none is open; every flagged month restarts the count of months back inside the limits; it ends (recovered)
/// at the <c>recoveryMonths</c>-th consecutive evaluated month inside them. A month without an evaluation neither
/// counts nor breaks the run, so a censored or empty month cannot end an episode by itself.
/// </summary>
public static class EpisodeSegmenter
{
    public static IReadOnlyList<EpisodeSpan> Segment(IEnumerable<(string Month, MonthOutcome Outcome)> months, int recoveryMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recoveryMonths, 1);
        var episodes = new List<EpisodeSpan>();
        string? start = null, lastFlagged = null;
        int flagged = 0, inside = 0;
        foreach (var (month, outcome) in months)
        {
            if (outcome == MonthOutcome.Flagged)
            {
                start ??= month;
                lastFlagged = month;
                flagged++;
                inside = 0;
            }
            else if (outcome == MonthOutcome.Inside && start is not null && ++inside == recoveryMonths)
            {
                episodes.Add(new EpisodeSpan(start, lastFlagged!, month, flagged, inside));
                start = lastFlagged = null;
                flagged = inside = 0;
            }
        }
        if (start is not null) episodes.Add(new EpisodeSpan(start, lastFlagged!, null, flagged, inside));
        return episodes;
    }
}
