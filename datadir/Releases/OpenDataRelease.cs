namespace Monitoring.DataDir.Releases;

/// <summary>One published open-data release folder, as listed for download pages.</summary>
/// <param name="Id">folder name, e.g. "2026-10-31_r20261101T020000Z-a1b2c3".</param>
/// <param name="Files">the downloadable files, name and size in bytes, in the folder.</param>
public sealed record OpenDataRelease(
    string Id,
    string Folder,
    string RunId,
    string ReferenceDate,
    DateTimeOffset Issued,
    bool IsLatest,
    IReadOnlyList<OpenDataFile> Files);

/// <summary>A file of a release: its name inside the release folder, its size and media type.</summary>
public sealed record OpenDataFile(string Name, long Bytes, string MediaType);
