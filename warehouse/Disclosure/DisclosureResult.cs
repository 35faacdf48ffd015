namespace Monitoring.Warehouse.Disclosure;

/// <summary>The cells of a table after disclosure control, by id, with how many were hidden and why.</summary>
public sealed class DisclosureResult(IReadOnlyDictionary<string, ProtectedCell> cells)
{
    public IReadOnlyDictionary<string, ProtectedCell> Cells { get; } = cells;

    public ProtectedCell this[string id] => Cells[id];

    public int Count(Suppression reason) => Cells.Values.Count(c => c.Suppression == reason);
}
