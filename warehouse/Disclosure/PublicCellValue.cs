namespace Monitoring.Warehouse.Disclosure;

/// <summary>One indicator value of the snapshot before disclosure control (a row of indicator_values).</summary>
public sealed record PublicCellValue(PublicCellKey Key, double? Value, double? Denominator);
