namespace Monitoring.Warehouse.FollowUp;

/// <summary>One change in a flag's follow-up history (PreviousStatus is null for the first).</summary>
public sealed record FollowUpChange(
    string IndicatorId,
    string AtsCode,
    string Month,
    FollowUpStatus? PreviousStatus,
    FollowUpStatus Status,
    string? Notes,
    string UpdatedBy,
    DateTime UpdatedAt);
