namespace Monitoring.Warehouse.FollowUp;

/// <summary>The current follow-up of one flag, keyed by (indicator, ATS, month).</summary>
public sealed record FollowUpEntry(
    string IndicatorId,
    string AtsCode,
    string Month,
    FollowUpStatus Status,
    string? Notes,
    string UpdatedBy,
    DateTime UpdatedAt);
