namespace Monitoring.Access.Alerts;

/// <summary>
/// One alert: codes and aggregates only (indicator, ATS, region, month, severity, status, job, run) — never a person,
/// not even the name of whoever changed a status, so the same item can go into an e-mail.
/// Kinds: <c>alarm</c> (an ATS in alarm in the latest month of the data), <c>episode</c> (a flag episode opened),
/// <c>status</c> (an episode's follow-up status changed), <c>recovered</c> (the data show it back inside the limits),
/// <c>job_failed</c> (a scheduled job's last attempt failed), <c>run_refused</c> / <c>run_failed</c> (a load).
/// </summary>
public sealed record AlertItem(
    string Id,
    string Kind,
    DateTime At,
    string Link,
    string? IndicatorId = null,
    string? AtsCode = null,
    string? RegionCode = null,
    string? Month = null,
    string? Severity = null,
    string? Status = null,
    string? PreviousStatus = null,
    string? EpisodeId = null,
    string? JobName = null,
    string? RunId = null)
{
    public static readonly string[] Kinds = ["alarm", "episode", "status", "recovered", "job_failed", "run_refused", "run_failed"];
    public bool IsOperations => Kind is "job_failed" or "run_refused" or "run_failed";
}
