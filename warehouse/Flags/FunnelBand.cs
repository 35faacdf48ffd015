namespace Monitoring.Warehouse.Flags;

/// <summary>Control limits of one funnel point, on the indicator's scale (a proportion or a rate).</summary>
public readonly record struct FunnelBand(
    double LowerWarning,
    double UpperWarning,
    double LowerAlarm,
    double UpperAlarm,
    string Method);
