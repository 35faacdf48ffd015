using W = Monitoring.Warehouse.Disclosure;

namespace Monitoring.Dashboards.Formatting;

/// <summary>
/// How a public cell protected by the one rule set (<see cref="W.PublicDisclosure"/>, shared with the open-data
/// release) is written on the public page and its CSVs: the number, "&lt;10" for a small count, "n.p." for a rate over
/// a small denominator or a cell hidden so that no hidden value can be recovered (the two read alike: telling them
/// apart would say something about the hidden value), nothing when there is no value.
/// </summary>
public static class PublicCellText
{
    public const string SmallCount = "<10", NotPublished = "n.p.";

    public static object? Shown(W.ProtectedCell? cell) => cell?.Suppression switch
    {
        null or W.Suppression.NoValue => null,
        W.Suppression.None => cell.Value,
        W.Suppression.SmallCount => SmallCount,
        _ => NotPublished,
    };
}
