using Monitoring.Dashboards.Localization;
using Monitoring.DataDir.FollowUp;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// Flag episodes from the follow-up register, through the same scope rules as every panel. The ministry sees and
/// edits every episode; a regional planner reads its region's, an ATS planner or coordinator its ATS's; case managers
/// and the public see none. Non-ministry readers do not see who changed a status (names of ministry staff).
/// </summary>
public sealed class EpisodeQueries(MetaQueries meta, ScopeRules rules, FollowUpCache followUp)
{
    public static readonly IReadOnlyList<string> AgeBands = ["0-3", "4-6", "7-12", "13+"];
    private static readonly string[] Readers = [UserRole.Ministry, UserRole.PlannerRegion, UserRole.PlannerAts, UserRole.Coordinator];

    /// <summary>The episode list: filter by status, age band (months since the first flagged month), region, ATS, indicator.</summary>
    public Grid List(UserScope scope, PanelFilter f)
    {
        var latest = meta.ResolveMonth(null);
        var lang = f.Lang;
        var ministry = scope.Role == UserRole.Ministry;
        var names = meta.Catalogue().ToDictionary(i => i.Id);
        var ats = meta.Ats().ToDictionary(a => a.Code);
        var regions = meta.Regions().ToDictionary(r => r.Code, r => r.Name);
        var rows = Visible(scope, f)
            .Where(e => f.Status is null || FollowUpStatusText.ToText(e.Status) == f.Status)
            .Where(e => f.Age is null || AgeBand(e.AgeMonths(latest)) == f.Age)
            .Where(e => f.Indicator is null || e.IndicatorId == f.Indicator)
            .OrderByDescending(e => e.InCurrentData).ThenBy(e => e.Recovered)
            .ThenBy(e => e.WorstSeverity == "alarm" ? 0 : 1).ThenBy(e => e.StartMonth, StringComparer.Ordinal)
            .ThenBy(e => e.IndicatorId, StringComparer.Ordinal).ThenBy(e => e.AtsCode, StringComparer.Ordinal)
            .Select(e =>
            {
                var info = names.GetValueOrDefault(e.IndicatorId);
                var row = new List<object?>
                {
                    e.EpisodeId, e.IndicatorId, info?.Name(lang) ?? e.IndicatorId, e.AtsCode, ats.GetValueOrDefault(e.AtsCode)?.Name,
                    e.RegionCode is { } rc ? regions.GetValueOrDefault(rc) : null, e.StartMonth, (double)e.AgeMonths(latest),
                    e.StartValue, e.LatestMonth, e.LatestValue, e.WorstSeverity, (double)e.MonthsFlagged,
                    EpisodeLabels.Status(lang, FollowUpStatusText.ToText(e.Status)), e.Reason, e.AssistanceMonth,
                    YesNo(lang, e.Recovered), e.RecoveredMonth, e.MonthsToRecovery(e.AssistanceMonth ?? e.StartMonth) is int m ? (double)m : null,
                    YesNo(lang, e.InCurrentData), e.Notes,
                };
                if (ministry) { row.Add(e.UpdatedByName); row.Add(Utc(e.UpdatedAt)); }
                return row.ToArray();
            }).ToList();
        var columns = new List<GridColumn>
        {
            C(lang, "episode"), C(lang, "indicator_id"), C(lang, "indicator"), C(lang, "ats"), C(lang, "ats_name"), C(lang, "region"),
            C(lang, "start_month"), C(lang, "age_months", "number"), C(lang, "start_value", "number"), C(lang, "latest_month"),
            C(lang, "latest_value", "number"), C(lang, "worst_severity"), C(lang, "months_flagged", "number"), C(lang, "status"),
            C(lang, "reason"), C(lang, "assistance_month"), C(lang, "recovered"), C(lang, "recovered_month"),
            C(lang, "months_to_recovery", "number"), C(lang, "in_data"), C(lang, "notes"),
        };
        if (ministry) { columns.Add(C(lang, "updated_by")); columns.Add(C(lang, "updated_at")); }
        return new Grid("episodes", columns, rows);
    }

    /// <summary>One episode's history, oldest first (?episode=).</summary>
    public Grid History(UserScope scope, PanelFilter f)
    {
        var episode = Require(scope, f.Episode);
        var lang = f.Lang;
        var ministry = scope.Role == UserRole.Ministry;
        var columns = new List<GridColumn>
        {
            C(lang, "changed_at"), C(lang, "kind"), C(lang, "previous_status"), C(lang, "status"), C(lang, "reason"), C(lang, "notes"),
        };
        columns.Add(C(lang, "changed_by"));
        var rows = followUp.Register.History(episode.EpisodeId).Select(h => new object?[]
        {
            Utc(h.ChangedAt), EpisodeLabels.T(lang, "kind." + h.Kind),
            h.PreviousStatus is { } p ? EpisodeLabels.Status(lang, FollowUpStatusText.ToText(p)) : null,
            EpisodeLabels.Status(lang, FollowUpStatusText.ToText(h.Status)), h.Reason, h.Notes,
            // Others see the role that acted, never a ministry user's name.
            ministry ? h.ChangedByName : Labels.T(lang, "role." + h.ChangedByRole),
        }).ToList();
        return new Grid("episode-history", columns, rows);
    }

    /// <summary>
    /// The indicator × ATS trend over every month of the snapshot with the funnel limits of each month, and the
    /// episode's start, the month assistance was activated and the month it recovered marked (?episode=).
    /// </summary>
    public Grid Trend(UserScope scope, PanelFilter f)
    {
        var episode = Require(scope, f.Episode);
        var lang = f.Lang;
        var fmt = meta.Indicator(episode.IndicatorId)?.Format ?? "number";
        var flags = meta.Flags();
        var recorded = followUp.Register.Months(episode.EpisodeId).ToDictionary(m => m.Month);
        var rows = new List<object?[]>();
        foreach (var month in meta.Months())
        {
            var p = flags.Points(episode.IndicatorId, month).GetValueOrDefault(episode.AtsCode);
            // A month the snapshot no longer evaluates, but the register recorded at an earlier load, still shows.
            var r = p is null ? recorded.GetValueOrDefault(month) : null;
            if (p is null && r is null) continue;
            var events = new List<string>();
            if (month == episode.StartMonth) events.Add(EpisodeLabels.T(lang, "event.start"));
            if (month == episode.AssistanceMonth) events.Add(EpisodeLabels.T(lang, "event.assistance"));
            if (month == episode.RecoveredMonth) events.Add(EpisodeLabels.T(lang, "event.recovered"));
            rows.Add(
            [
                month, p?.Value ?? r?.Value, p?.NationalValue ?? r?.NationalValue, p?.LowerAlarm ?? r?.LowerAlarm,
                p?.LowerWarning ?? r?.LowerWarning, p?.UpperWarning ?? r?.UpperWarning, p?.UpperAlarm ?? r?.UpperAlarm,
                p?.Severity ?? r?.Severity, events.Count == 0 ? null : string.Join(", ", events),
            ]);
        }
        return new Grid("episode-trend",
            [Columns.Of(lang, "month"), Columns.Of(lang, "value", fmt), Columns.Of(lang, "national", fmt), Columns.Of(lang, "lower_alarm", fmt),
             Columns.Of(lang, "lower_warning", fmt), Columns.Of(lang, "upper_warning", fmt), Columns.Of(lang, "upper_alarm", fmt),
             Columns.Of(lang, "severity"), C(lang, "event")],
            rows);
    }

    /// <summary>
    /// Ministry only. Of the episodes whose assistance was activated in the last 12 months (to the latest month in
    /// service), how many recovered within 6 months of activation; against the episodes opened in the same 12 months
    /// without assistance, recovered within 6 months of opening.
    /// </summary>
    public Grid Summary(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "the outcome of technical assistance", UserRole.Ministry);
        var s = Outcome();
        var lang = f.Lang;
        static double? Share(int m, int n) => n == 0 ? null : (double)m / n;
        return new Grid("episode-summary",
            [C(lang, "group"), C(lang, "episodes", "number"), C(lang, "recovered_6m", "number"), C(lang, "share", "percent")],
            [
                [EpisodeLabels.T(lang, "group.with"), (double)s.WithAssistance, (double)s.WithRecovered, Share(s.WithRecovered, s.WithAssistance)],
                [EpisodeLabels.T(lang, "group.without"), (double)s.Without, (double)s.WithoutRecovered, Share(s.WithoutRecovered, s.Without)],
            ]);
    }

    public sealed record AssistanceOutcome(int WithAssistance, int WithRecovered, int Without, int WithoutRecovered);

    public AssistanceOutcome Outcome()
    {
        var latest = Episode.MonthIndex(meta.ResolveMonth(null));
        bool Recent(string? month) => month is not null && latest - Episode.MonthIndex(month) is >= 0 and < 12;
        var episodes = followUp.All().List;
        var with = episodes.Where(e => Recent(e.AssistanceMonth)).ToList();
        var without = episodes.Where(e => e.AssistanceMonth is null && Recent(e.StartMonth)).ToList();
        return new AssistanceOutcome(
            with.Count, with.Count(e => e.MonthsToRecovery(e.AssistanceMonth) is <= 6),
            without.Count, without.Count(e => e.MonthsToRecovery(e.StartMonth) is <= 6));
    }

    /// <summary>An episode the caller may read, or a scope violation (an unknown id reveals nothing more).</summary>
    public Episode Require(UserScope scope, string? episodeId)
    {
        rules.RequireRole(scope, "flag episodes", Readers);
        var episode = episodeId is null ? null : followUp.All().Get(episodeId);
        if (episode is null) throw new ScopeViolation(scope.Role, "an unknown flag episode");
        rules.RequireAts(scope, episode.AtsCode, "a flag episode");
        return episode;
    }

    /// <summary>Sets an episode's status (ministry only), recording the signed-in user.</summary>
    public Episode SetStatus(UserScope scope, Actor by, string episodeId, string status, string? notes, string? reason)
    {
        rules.RequireRole(scope, "the follow-up register", UserRole.Ministry);
        if (followUp.All().Get(episodeId) is null) throw new ArgumentException("unknown episode");
        return SetStatus(followUp, episodeId, by, status, notes, reason);
    }

    internal static Episode SetStatus(FollowUpCache followUp, string episodeId, Actor by, string status, string? notes, string? reason)
    {
        FollowUpStatus parsed;
        try { parsed = FollowUpStatusText.Parse(status); }
        catch (FormatException) { throw new ArgumentException("unknown follow-up status"); }
        // Notes are replaced as typed (an empty box clears them).
        return followUp.SetStatus(episodeId, parsed, by, notes?.Trim() ?? "", reason);
    }

    /// <summary>The episodes of the caller's territory, narrowed by ?region= and ?ats= inside it.</summary>
    private IEnumerable<Episode> Visible(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "flag episodes", Readers);
        if (f.Region is not null) rules.RequireRegion(scope, f.Region, "flag episodes");
        if (f.Ats is not null) rules.RequireAts(scope, f.Ats, "flag episodes");
        return followUp.All().List.Where(e => scope.Role switch
            {
                UserRole.Ministry => true,
                UserRole.PlannerRegion => e.RegionCode == scope.RegionCode,
                _ => e.AtsCode == scope.AtsCode,
            })
            .Where(e => f.Region is null || e.RegionCode == f.Region)
            .Where(e => f.Ats is null || e.AtsCode == f.Ats);
    }

    public static string AgeBand(int months) => months switch { <= 3 => "0-3", <= 6 => "4-6", <= 12 => "7-12", _ => "13+" };

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    private static string YesNo(string lang, bool b) => Labels.T(lang, b ? "yes" : "no");
    private static GridColumn C(string lang, string key, string format = "text") => EpisodeLabels.Column(lang, key, format);
}
