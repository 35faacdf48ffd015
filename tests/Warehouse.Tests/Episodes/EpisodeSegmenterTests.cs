using Monitoring.Warehouse.Episodes;
using static Monitoring.Warehouse.Episodes.MonthOutcome;

namespace Monitoring.Tests.Warehouse.Episodes;

/// <summary>The episode rule on short hand-written series: F flagged, I inside the limits, - not evaluated.</summary>
public sealed class EpisodeSegmenterTests
{
    static IReadOnlyList<EpisodeSpan> Cut(string pattern, int recovery = 2) =>
        EpisodeSegmenter.Segment(pattern.Select((c, i) => ($"2025-{i + 1:00}", c switch
        {
            'F' => Flagged, 'I' => Inside, '-' => NotEvaluated, _ => throw new ArgumentException(pattern),
        })), recovery);

    [Fact]
    public void Two_months_back_inside_end_the_episode_at_the_second()
    {
        var e = Assert.Single(Cut("IFII"));
        Assert.Equal(("2025-02", "2025-02", "2025-04", 1), (e.StartMonth, e.LastFlaggedMonth, e.RecoveredMonth, e.MonthsFlagged));
    }

    [Fact]
    public void A_flag_before_recovery_restarts_the_count_and_stays_in_the_same_episode()
    {
        var e = Assert.Single(Cut("FIFII"));
        Assert.Equal(("2025-01", "2025-03", "2025-05", 2), (e.StartMonth, e.LastFlaggedMonth, e.RecoveredMonth, e.MonthsFlagged));
    }

    [Fact]
    public void A_month_without_evaluation_neither_counts_nor_breaks_the_run()
    {
        Assert.Equal("2025-04", Assert.Single(Cut("FI-I")).RecoveredMonth);
        var ongoing = Assert.Single(Cut("F--"));
        Assert.Null(ongoing.RecoveredMonth);
        Assert.Equal(0, ongoing.InsideStreak);
    }

    [Fact]
    public void An_episode_not_yet_back_long_enough_is_still_open()
    {
        var e = Assert.Single(Cut("FFI"));
        Assert.False(e.Recovered);
        Assert.Equal(1, e.InsideStreak);
    }

    [Fact]
    public void A_flag_after_recovery_opens_a_new_episode()
    {
        var episodes = Cut("FIIFI");
        Assert.Equal(2, episodes.Count);
        Assert.Equal(("2025-01", "2025-03"), (episodes[0].StartMonth, episodes[0].RecoveredMonth));
        Assert.Equal(("2025-04", (string?)null), (episodes[1].StartMonth, episodes[1].RecoveredMonth));
    }

    [Fact]
    public void The_catalogue_setting_sets_how_long_recovery_takes()
    {
        Assert.Null(Assert.Single(Cut("FII", recovery: 3)).RecoveredMonth);
        Assert.Equal("2025-04", Assert.Single(Cut("FIII", recovery: 3)).RecoveredMonth);
        Assert.Equal("2025-02", Assert.Single(Cut("FI", recovery: 1)).RecoveredMonth);
        Assert.Empty(Cut("II-I"));
    }
}
