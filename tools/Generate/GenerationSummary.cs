namespace Monitoring.Tools.Generate;

/// <summary>What a generation produced: the files (rows, hash, bytes) in manifest order, the truth file, the time taken.</summary>
public sealed record GenerationSummary(
    string ExportDirectory,
    string TruthPath,
    IReadOnlyList<ManifestFileEntry> Files,
    TimeSpan Elapsed)
{
    /// <summary>Data rows per file name.</summary>
    public IReadOnlyDictionary<string, long> Rows => Files.ToDictionary(f => f.FileName, f => f.Rows);
}
