using DuckDB.NET.Data;

namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// The episodes a snapshot's data shows (<c>flag_episodes</c>) with each episode's months from <c>flags</c>:
/// what a load hands to the register. Empty for a snapshot built before episodes existed.
/// </summary>
public sealed record SnapshotEpisodes(IReadOnlyList<SnapshotEpisodes.Computed> Episodes, ILookup<string, EpisodeMonth> Months)
{
    /// <summary>One row of <c>flag_episodes</c>.</summary>
    public sealed record Computed(
        string EpisodeId, string IndicatorId, string AtsCode, string? RegionCode, string StartMonth, double? StartValue,
        double? StartNationalValue, string StartSeverity, string WorstSeverity, string LastFlaggedMonth, int MonthsFlagged,
        int RecoveryMonths, string? RecoveredMonth, string LatestMonth, double? LatestValue, string LatestSeverity)
    {
        public string EndMonth => RecoveredMonth ?? LatestMonth;
    }

    public static SnapshotEpisodes Read(DuckDBConnection snapshot)
    {
        if (!FollowUpRegister.HasTable(snapshot, "flag_episodes")) return new([], Array.Empty<EpisodeMonth>().ToLookup(m => m.EpisodeId));
        var episodes = new List<Computed>();
        using (var command = FollowUpRegister.Command(snapshot, """
            select episode_id, indicator_id, ats_code, region_code, start_month, start_value, start_national_value, start_severity,
                worst_severity, last_flagged_month, months_flagged, recovery_months, recovered_month, latest_month, latest_value,
                latest_severity
            from flag_episodes order by indicator_id, ats_code, start_month
            """))
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
                episodes.Add(new Computed(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.GetString(4), D(r, 5), D(r, 6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetInt32(10), r.GetInt32(11),
                    r.IsDBNull(12) ? null : r.GetString(12), r.GetString(13), D(r, 14), r.GetString(15)));
        }
        var months = new List<EpisodeMonth>();
        using (var command = FollowUpRegister.Command(snapshot, """
            select e.episode_id, f.month, f.value, f.national_value, f.n, f.lower_alarm, f.lower_warning, f.upper_warning,
                f.upper_alarm, f.severity
            from flag_episodes as e
            join flags as f on f.indicator_id = e.indicator_id and f.ats_code = e.ats_code
                and f.month >= e.start_month and f.month <= coalesce(e.recovered_month, e.latest_month)
            order by e.episode_id, f.month
            """))
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
                months.Add(new EpisodeMonth(r.GetString(0), r.GetString(1), D(r, 2), D(r, 3), D(r, 4), D(r, 5), D(r, 6), D(r, 7),
                    D(r, 8), r.GetString(9)));
        }
        return new(episodes, months.ToLookup(m => m.EpisodeId));
    }


    private static double? D(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
