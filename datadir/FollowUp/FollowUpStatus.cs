namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// Where the ministry is with a flag episode: open → contacted → assistance_activated → resolved, or
/// closed_no_action (with a reason). Stored lowercase with underscores. Whether the ATS recovered is not a status:
/// it is computed from the data (<see cref="Episode.Recovered"/>).
/// </summary>
public enum FollowUpStatus
{
    Open,
    Contacted,
    AssistanceActivated,
    Resolved,
    ClosedNoAction,
}
