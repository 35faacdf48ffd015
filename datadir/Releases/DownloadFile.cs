namespace Monitoring.DataDir.Releases;

/// <summary>A downloadable file: its name inside its folder, size in bytes and media type.</summary>
public sealed record DownloadFile(string Name, long Bytes, string MediaType);
