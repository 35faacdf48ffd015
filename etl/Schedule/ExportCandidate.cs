namespace Monitoring.Etl.Schedule;

/// <summary>An export found in the drop folder: a folder or a .zip, with what its manifest says (null when unreadable).</summary>
public sealed record ExportCandidate(string Path, string? ExportId, DateTimeOffset? ExtractedAt, DateTime LastWriteUtc)
{
    /// <summary>When the export was taken: the manifest's extracted_at, or the file time when the manifest cannot be read.</summary>
    public DateTimeOffset SortTime => ExtractedAt ?? new DateTimeOffset(LastWriteUtc, TimeSpan.Zero);
}
