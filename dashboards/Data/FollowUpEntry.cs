namespace Monitoring.Dashboards.Data;

/// <summary>The follow-up of one red flag (indicator, ATS, month): status ∈ open, contacted, assistance_activated, resolved.</summary>
public sealed record FollowUpEntry(string IndicatorId, string AtsCode, string Month, string Status, string? Notes, DateTimeOffset? UpdatedAt);
