namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// A row or column of a published table: its parts and the cell holding their total (e.g. the ATS of a region
/// in one month, and the region). For counts the total is the sum of the parts, which is what makes
/// recovery by subtraction possible; for rates the line only says which cells belong together.
/// </summary>
public sealed record AdditiveLine(string TotalId, IReadOnlyList<string> PartIds);
