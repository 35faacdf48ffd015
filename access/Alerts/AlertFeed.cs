using System.Globalization;
using Monitoring.DataDir.FollowUp;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir.Runs;

namespace Monitoring.Access.Alerts;

/// <summary>
/// The alerts a scope may see, computed from what is already there: the snapshot's flags (the latest month's alarms), the follow-up
/// register (episodes opened, status changes, recoveries), and — for the ministry only — the job history and the run
/// reports (failed jobs, refused or failed loads). Every item passes the dashboards' own <see cref="ScopeRules"/>: an ATS
/// item only if <see cref="ScopeRules.MaySeeAts"/>, operations only for the ministry. The inbox page and the e-mail digest
/// both read this one list, so neither can show what the other would refuse.
/// </summary>
public sealed class AlertFeed(SnapshotAccess queries)
{
    /// <summary>How far back the inbox lists alerts.</summary>
    public static readonly TimeSpan InboxWindow = TimeSpan.FromDays(90);

    private static readonly string[] EpisodeReaders = [UserRole.Ministry, UserRole.PlannerRegion, UserRole.PlannerAts, UserRole.Coordinator];

    private string DataDir => queries.Connections.Store.Dir.Root;

    /// <summary>
    /// The scope's alerts since <paramref name="since"/>, newest first. <paramref name="narrow"/>'s region and ATS narrow the
    /// list inside the scope; one outside it is a <see cref="ScopeViolation"/> (a tampered parameter), like on every panel.
    /// </summary>
    public IReadOnlyList<AlertItem> For(UserScope scope, DateTime since, PanelFilter? narrow = null)
    {
        scope = scope.Normalized();
        queries.Rules.RequireSignedIn(scope, "alerts");
        if (narrow?.Region is { } region) queries.Rules.RequireRegion(scope, region, "alerts");
        if (narrow?.Ats is { } ats) queries.Rules.RequireAts(scope, ats, "alerts");

        var items = new List<AlertItem>();
        try
        {
            items.AddRange(NewAlarms(scope, since));
            items.AddRange(EpisodeEvents(scope, since));
        }
        catch (NoSnapshotException)
        {
            // No snapshot in service: nothing to say about territories, but the ministry still hears about failed runs.
        }
        if (scope.Role == UserRole.Ministry) items.AddRange(Operations(since));

        return items
            .Where(i => narrow?.Region is null || i.RegionCode == narrow.Region)
            .Where(i => narrow?.Ats is null || i.AtsCode == narrow.Ats)
            .OrderByDescending(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The alarms of the latest month in the data (an alarm that persists comes back each month, as the month's news; its
    /// episode carries the history). Dated when the snapshot holding them was published.
    /// </summary>
    private IEnumerable<AlertItem> NewAlarms(UserScope scope, DateTime since)
    {
        var at = SnapshotPublishedAt();
        if (at < since) yield break;
        var months = queries.Meta.Months();
        if (months.Count == 0) yield break;
        var latest = months[^1];
        var episodes = queries.FollowUp.All();
        foreach (var point in queries.Meta.Flags().Flagged(latest).Where(p => p.Severity == "alarm")
                     .OrderBy(p => p.IndicatorId, StringComparer.Ordinal).ThenBy(p => p.AtsCode, StringComparer.Ordinal))
        {
            if (!queries.Rules.MaySeeAts(scope, point.AtsCode)) continue;
            var episode = episodes.ForMonth(point.IndicatorId, point.AtsCode, latest);
            yield return new AlertItem($"alarm:{point.IndicatorId}:{point.AtsCode}:{latest}", "alarm", at,
                LinkFor(scope, episode?.EpisodeId), point.IndicatorId, point.AtsCode, queries.Meta.RegionOfAts(point.AtsCode),
                latest, point.Severity, EpisodeId: episode?.EpisodeId);
        }
    }

    /// <summary>Episodes opened, status changes and recoveries from the follow-up register.</summary>
    private IEnumerable<AlertItem> EpisodeEvents(UserScope scope, DateTime since)
    {
        var episodes = queries.FollowUp.All();
        foreach (var e in episodes.List.Where(e => e.OpenedAt >= since && queries.Rules.MaySeeAts(scope, e.AtsCode)))
            yield return new AlertItem($"episode:{e.EpisodeId}", "episode", e.OpenedAt, LinkFor(scope, e.EpisodeId),
                e.IndicatorId, e.AtsCode, e.RegionCode, e.StartMonth, e.StartSeverity, FollowUpStatusText.ToText(e.Status), EpisodeId: e.EpisodeId);

        foreach (var change in queries.FollowUp.Register.ChangesSince(since).Where(c => c.Kind is "status" or "recovered"))
        {
            if (episodes.Get(change.EpisodeId) is not { } e || !queries.Rules.MaySeeAts(scope, e.AtsCode)) continue;
            yield return new AlertItem($"change:{change.ChangeId}", change.Kind, change.ChangedAt, LinkFor(scope, e.EpisodeId),
                e.IndicatorId, e.AtsCode, e.RegionCode, change.Kind == "recovered" ? e.RecoveredMonth : e.LatestMonth, e.LatestSeverity,
                FollowUpStatusText.ToText(change.Status),
                change.PreviousStatus is { } p ? FollowUpStatusText.ToText(p) : null, e.EpisodeId);
        }
    }

    /// <summary>The ministry's operators: job occurrences whose last attempt failed, and loads that were refused or failed.</summary>
    private IEnumerable<AlertItem> Operations(DateTime since)
    {
        foreach (var run in JobHistory.Recent(DataDir, 500).Where(r => r.Status == "failed" && !r.RetryScheduled && r.StartedAt >= since))
            yield return new AlertItem($"job:{run.JobName}:{run.StartedAt.ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture)}",
                "job_failed", run.FinishedAt, "/ministry/operations", JobName: run.JobName, Status: run.Status);

        // Every report of the window, not the operations page's newest 30: a month of nightly runs and their retries is
        // more than 30, and the inbox promises 90 days. A report is named for its run's start, so a run that started the
        // day before may have ended inside the window: its end decides below.
        foreach (var report in RunReports.StartedSince(DataDir, since > DateTime.MinValue.AddDays(1) ? since.AddDays(-1) : DateTime.MinValue).Where(r => r.Status is RunStatus.Refused or RunStatus.Failed))
        {
            var at = (report.FinishedAt ?? (report.StartedAt == default ? (DateTimeOffset?)null : report.StartedAt))?.UtcDateTime ?? DateTime.MinValue;
            if (at < since) continue;
            yield return new AlertItem($"run:{report.RunId}", "run_" + report.Status.Text(), at,
                $"/ministry/operations?run={Uri.EscapeDataString(report.RunId)}", Status: report.Status.Text(), RunId: report.RunId);
        }
    }

    /// <summary>Where an alert leads: the episode for those who may read episodes, else the role's own page.</summary>
    private static string LinkFor(UserScope scope, string? episodeId) =>
        episodeId is not null && EpisodeReaders.Contains(scope.Role)
            ? $"/episodes/detail?episode={Uri.EscapeDataString(episodeId)}"
            : scope.Role switch
            {
                UserRole.Ministry => "/ministry",
                UserRole.PlannerRegion or UserRole.PlannerAts => "/planner",
                _ => "/casework",
            };

    /// <summary>When the snapshot in service was published: its run report's end, else when CURRENT was last written.</summary>
    private DateTime SnapshotPublishedAt()
    {
        var store = queries.Connections.Store;
        var runId = store.CurrentRunId() ?? throw new NoSnapshotException("no snapshot in service");
        if (RunReports.Find(DataDir, runId) is { FinishedAt: { } finished }) return finished.UtcDateTime;
        return File.GetLastWriteTimeUtc(store.Dir.CurrentFile);
    }
}
