namespace Monitoring.Warehouse.Disclosure;

/// <summary>One cell after disclosure control.</summary>
/// <param name="Value">the value to publish, or null when the cell is suppressed or has none.</param>
/// <param name="Marker">what replaces a withheld value: "&lt;10" for a small count, null otherwise (an empty cell).</param>
public sealed record ProtectedCell(string Id, double? Value, Suppression Suppression, string? Marker)
{
    public bool IsPublished => Suppression == Suppression.None;
    public bool IsHidden => Suppression is Suppression.SmallCount or Suppression.SmallDenominator or Suppression.Secondary;
}
