namespace Monitoring.Access.SnapshotMemory;

/// <summary>One row of indicator_values (levels ats, region, national).</summary>
public sealed record IndicatorValue(string IndicatorId, string Level, string TerritoryCode, string Month,
    double? Numerator, double? Denominator, double? Value);
