namespace Monitoring.Warehouse.FollowUp;

/// <summary>Where the ministry is with a red flag. Stored lowercase with underscores.</summary>
public enum FollowUpStatus
{
    Open,
    Contacted,
    AssistanceActivated,
    Resolved,
}
