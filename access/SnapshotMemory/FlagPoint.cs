namespace Monitoring.Access.SnapshotMemory;

/// <summary>One evaluated ATS point of the warehouse's `flags` table (severity none included: the funnel draws them all).</summary>
public sealed record FlagPoint(string IndicatorId, string AtsCode, string Month, string Severity, bool Persistent,
    double? Value, double? NationalValue, double? N, double? Z, string? Method, bool PlainRuleBreach,
    double? LowerAlarm, double? LowerWarning, double? UpperWarning, double? UpperAlarm, double? Phi = null)
{
    public bool IsFlagged => Severity is "alarm" or "warning";
}
