namespace Monitoring.Etl.OpenData;

/// <summary>One row of indicators.csv / indicators.parquet, after disclosure control.</summary>
/// <param name="Value">the published value; null when withheld or absent (see <paramref name="Status"/>).</param>
/// <param name="Marker">"&lt;10" for a small count, written in the CSV value column in place of the number.</param>
/// <param name="Dimension">for a row of indicators_by_dimension, the dimension and its member; empty for a total.</param>
public sealed record PublishedRow(string IndicatorId, string Level, string TerritoryCode, string TerritoryName, string RegionCode,
    string Month, double? Value, string? Marker, string Status, string Dimension = "", string Member = "");
