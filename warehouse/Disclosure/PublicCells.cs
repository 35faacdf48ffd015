namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Every public cell of one snapshot after disclosure control: what each public surface may show. A deterministic
/// function of the snapshot (<see cref="PublicDisclosure.Protect"/>), computed once per snapshot by each reader.
/// </summary>
public sealed class PublicCells(IReadOnlyDictionary<PublicCellKey, ProtectedCell> cells, TimeSpan elapsed)
{
    public IReadOnlyDictionary<PublicCellKey, ProtectedCell> Cells { get; } = cells;

    /// <summary>How long the suppression took.</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>A cell, or null when the snapshot has no such public cell (never public, or no row).</summary>
    public ProtectedCell? Get(string indicator, string level, string territory, string month) =>
        Cells.GetValueOrDefault(new PublicCellKey(indicator, level, territory, month));

    /// <summary>A member of a dimension for a territory and month, or null when it is not public.</summary>
    public ProtectedCell? Get(string indicator, string level, string territory, string month, string dimension, string member) =>
        Cells.GetValueOrDefault(new PublicCellKey(indicator, level, territory, month, dimension, member));

    public int Count(Suppression reason) => Cells.Values.Count(c => c.Suppression == reason);
}
