namespace Monitoring.DataDir.FollowUp;

/// <summary>One month of an episode as the register recorded it at the latest load: value, limits, severity.</summary>
public sealed record EpisodeMonth(
    string EpisodeId,
    string Month,
    double? Value,
    double? NationalValue,
    double? N,
    double? LowerAlarm,
    double? LowerWarning,
    double? UpperWarning,
    double? UpperAlarm,
    string Severity);
