namespace Monitoring.Etl.OpenData;

/// <summary>What one publication produced: the release folder and how many rows ended in each disclosure status.</summary>
public sealed record OpenDataPublication(string Folder, string ReleaseId, int Rows, IReadOnlyDictionary<string, int> RowsByStatus)
{
    /// <summary>How long disclosure control of the snapshot's public cells took.</summary>
    public TimeSpan DisclosureTime { get; init; }
}
