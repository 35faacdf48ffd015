namespace Monitoring.Etl.OpenData;

/// <summary>A released table: its name (file stem), titles, columns and primary key.</summary>
public sealed record ResourceSpec(string Name, string TitleIt, string TitleEn, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<string>? MissingValues = null, string? Source = null);
