using System.Globalization;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.Operations;
using L = Monitoring.Dashboards.Localization.OperationsLabels;
using Monitoring.DataDir.Runs;

namespace Monitoring.Dashboards.Operations;

/// <summary>
/// The ministry's operations panels: the scheduler's job history (DATA_DIR/jobs.duckdb through
/// <see cref="JobHistory"/>), the run reports (DATA_DIR/runs/*.json) and the quarantine of a run. Ministry only, checked
/// here like every other panel, so the page, the CSV endpoints and any other caller get the same refusal. None of it
/// needs a snapshot in service: these panels matter most when a load was refused.
/// </summary>
public sealed class OperationsQueries(string dataDir, ScopeRules rules, Func<string?> currentRunId)
{
    /// <summary>How many job attempts and run reports the page lists.</summary>
    public const int RecentJobRuns = 50, RecentRuns = 30;

    /// <summary>Panel name → query: the CSV endpoints' /api/panels/{name}.csv. The string is the selected run (?run=).</summary>
    public static readonly IReadOnlyDictionary<string, Func<OperationsQueries, UserScope, string, string?, Grid>> Panels =
        new Dictionary<string, Func<OperationsQueries, UserScope, string, string?, Grid>>
        {
            ["operations-last-success"] = (q, s, lang, _) => q.LastSuccess(s, lang),
            ["operations-job-runs"] = (q, s, lang, _) => q.JobRuns(s, lang),
            ["operations-runs"] = (q, s, lang, _) => q.Runs(s, lang),
            ["operations-run-files"] = (q, s, lang, run) => q.RunFiles(s, lang, run),
            ["operations-quarantine"] = (q, s, lang, run) => q.Quarantine(s, lang, run),
        };

    public string DataDir => dataDir;

    /// <summary>False until the scheduler (or run-job) has recorded its first attempt.</summary>
    public bool HasJobHistory(UserScope scope)
    {
        Require(scope);
        return JobHistory.Exists(dataDir);
    }

    /// <summary>
    /// Every job the history knows: when it last succeeded ("never" if it has not), and how its latest attempt went.
    /// Jobs come from the successes and from the recent attempts, so a job that has only ever failed is listed too.
    /// </summary>
    public Grid LastSuccess(UserScope scope, string lang)
    {
        Require(scope);
        var successes = JobHistory.LastSuccessPerJob(dataDir).ToDictionary(r => r.JobName);
        var latest = JobHistory.Recent(dataDir, 1000).GroupBy(r => r.JobName).ToDictionary(g => g.Key, g => g.First());
        var names = successes.Keys.Union(latest.Keys).Order(StringComparer.Ordinal);
        return new Grid("operations-last-success",
            [L.Column(lang, "job"), L.Column(lang, "job_type"), L.Column(lang, "last_success"), L.Column(lang, "last_attempt"),
             L.Column(lang, "last_status"), L.Column(lang, "message")],
            names.Select(name =>
            {
                successes.TryGetValue(name, out var ok);
                latest.TryGetValue(name, out var last);
                return new object?[]
                {
                    name, (ok ?? last)!.JobType, ok is null ? L.T(lang, "ops.never") : Utc(ok.FinishedAt),
                    last is null ? null : Utc(last.StartedAt), last is null ? null : StatusText(lang, last.Status),
                    last?.Status == "failed" ? last.Message : null,
                };
            }).ToList());
    }

    /// <summary>The newest job attempts, newest first.</summary>
    public Grid JobRuns(UserScope scope, string lang)
    {
        Require(scope);
        return new Grid("operations-job-runs",
            [L.Column(lang, "started_at"), L.Column(lang, "finished_at"), L.Column(lang, "job"), L.Column(lang, "job_type"),
             L.Column(lang, "triggered_by"), L.Column(lang, "attempt", "count"), L.Column(lang, "result"), L.Column(lang, "rows", "count"),
             L.Column(lang, "export_id"), L.Column(lang, "retry"), L.Column(lang, "message")],
            JobHistory.Recent(dataDir, RecentJobRuns).Select(r => new object?[]
            {
                Utc(r.StartedAt), Utc(r.FinishedAt), r.JobName, r.JobType, L.T(lang, "trigger." + r.TriggeredBy), r.Attempt,
                StatusText(lang, r.Status), r.Rows, r.ExportId, r.RetryScheduled ? L.T(lang, "yes") : L.T(lang, "no"), r.Message,
            }).ToList());
    }

    /// <summary>The newest run reports: what each load read, loaded and quarantined, and why a refused or failed one stopped.</summary>
    public Grid Runs(UserScope scope, string lang)
    {
        Require(scope);
        var inService = currentRunId();
        return new Grid("operations-runs",
            [L.Column(lang, "run_id"), L.Column(lang, "export_id"), L.Column(lang, "kind"), L.Column(lang, "result"),
             L.Column(lang, "in_service"), L.Column(lang, "started_at"), L.Column(lang, "finished_at"), L.Column(lang, "read", "count"),
             L.Column(lang, "loaded", "count"), L.Column(lang, "quarantined", "count"), L.Column(lang, "error")],
            RunReports.Newest(dataDir, RecentRuns).Select(r => new object?[]
            {
                r.RunId, r.ExportId, r.Kind, StatusText(lang, r.Status.Text()), r.RunId == inService ? L.T(lang, "yes") : L.T(lang, "no"),
                r.StartedAt == default ? null : Utc(r.StartedAt.UtcDateTime), r.FinishedAt is { } f ? Utc(f.UtcDateTime) : null,
                r.Files.Count == 0 ? null : r.RowsRead, r.Files.Count == 0 ? null : r.RowsLoaded, r.Files.Count == 0 ? null : r.RowsQuarantined,
                r.Error,
            }).ToList());
    }

    /// <summary>The run the file and quarantine panels show: the one asked for, else the newest run report.</summary>
    public RunReport? SelectedRun(UserScope scope, string? runId)
    {
        Require(scope);
        return runId is not null ? RunReports.Find(dataDir, runId) : RunReports.Newest(dataDir, 1).FirstOrDefault();
    }

    /// <summary>Per export file of the selected run: rows read = loaded + quarantined.</summary>
    public Grid RunFiles(UserScope scope, string lang, string? runId)
    {
        var run = SelectedRun(scope, runId);
        return new Grid("operations-run-files",
            [L.Column(lang, "file"), L.Column(lang, "read", "count"), L.Column(lang, "loaded", "count"),
             L.Column(lang, "quarantined", "count"), L.Column(lang, "unknown_columns")],
            (run?.Files ?? new Dictionary<string, FileCounts>()).Select(f => new object?[] { f.Key, f.Value.Read, f.Value.Loaded, f.Value.Quarantined, string.Join(' ', f.Value.UnknownColumns) }).ToList());
    }

    /// <summary>The quarantine of the selected run, counted per file and reason, largest first within a file.</summary>
    public Grid Quarantine(UserScope scope, string lang, string? runId)
    {
        var run = SelectedRun(scope, runId);
        return new Grid("operations-quarantine",
            [L.Column(lang, "file"), L.Column(lang, "reason"), L.Column(lang, "rows", "count")],
            (run?.Files ?? new Dictionary<string, FileCounts>())
                .SelectMany(f => f.Value.Reasons.Where(r => r.Value > 0).Select(r => (File: f.Key, Reason: r.Key, Rows: r.Value)))
                .OrderBy(x => x.File, StringComparer.Ordinal).ThenByDescending(x => x.Rows).ThenBy(x => x.Reason, StringComparer.Ordinal)
                .Select(x => new object?[] { x.File, x.Reason, x.Rows }).ToList());
    }

    /// <summary>Runs a panel by name; an unknown name is refused like any other out-of-scope request.</summary>
    public Grid Panel(string name, UserScope scope, string lang, string? runId)
        => Panels.TryGetValue(name, out var run) ? run(this, scope.Normalized(), lang, runId) : throw new ScopeViolation(scope.Role, $"unknown panel {name}");

    /// <summary>The status words shown (and written to CSV): the word carries the meaning, the red is only an aid.</summary>
    public static string StatusText(string lang, string status) => L.T(lang, "ops.status." + status) is var t && t != "ops.status." + status ? t : status;

    /// <summary>True for a status that needs someone's attention (shown in red with a cross).</summary>
    public static bool IsBad(string lang, string? shown)
        => shown is not null && (shown == StatusText(lang, "failed") || shown == StatusText(lang, "refused") || shown == StatusText(lang, "unreadable")
                                 || shown == L.T(lang, "ops.never"));

    private void Require(UserScope scope) => rules.RequireRole(scope.Normalized(), "the operations panels", UserRole.Ministry);

    private static string Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
