namespace Monitoring.Etl.OpenData;

/// <summary>One column of a released table: Table Schema type, DuckDB type and descriptions (IT, EN).</summary>
public sealed record FieldSpec(string Name, string Type, string DuckType, string DescriptionIt, string DescriptionEn);
