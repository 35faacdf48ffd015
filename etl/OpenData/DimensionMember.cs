namespace Monitoring.Etl.OpenData;

/// <summary>One member of a dimension as the release describes it (the warehouse's indicator_dimensions), in publishing order.</summary>
public sealed record DimensionMember(string Dimension, string Member, string DimensionNameIt, string DimensionNameEn);
