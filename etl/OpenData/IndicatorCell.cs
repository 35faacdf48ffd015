namespace Monitoring.Etl.OpenData;

/// <summary>One indicator value as the warehouse holds it (before disclosure control).</summary>
public sealed record IndicatorCell(string IndicatorId, string Level, string TerritoryCode, string Month, double? Value, double? Denominator);
