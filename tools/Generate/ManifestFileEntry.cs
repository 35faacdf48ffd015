namespace Monitoring.Tools.Generate;

/// <summary>One file of a generated export: data rows (header excluded), lowercase hex SHA-256, size in bytes.</summary>
public sealed record ManifestFileEntry(string FileName, long Rows, string Sha256, long Bytes);
