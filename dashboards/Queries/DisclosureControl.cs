using W = Monitoring.Warehouse.Disclosure;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// Disclosure control for public outputs (indicators-v1.md): a count below 10 is published as "&lt;10"; a rate
/// whose denominator is below 20 is not published ("n.p."); secondary suppression: when exactly one cell of a
/// column of counts is suppressed and the column's total is published, the smallest other published cell is
/// suppressed too, so the hidden value cannot be recovered by subtraction. Rates are published without their
/// numerators and denominators, so a hidden rate cannot be recovered from the others.
/// </summary>
public static class DisclosureControl
{
    public const double MinCount = 10, MinDenominator = 20;
    public const string SmallCount = "<10", NotPublished = "n.p.";

    /// <summary>One cell as published: the number, or the string that replaces it.</summary>
    public static object? Cell(IndicatorInfo indicator, double? value, double? denominator)
    {
        if (value is null) return null;
        if (indicator.IsCount) return value < MinCount ? SmallCount : value;
        return denominator is null || denominator < Math.Max(MinDenominator, indicator.MinDenominator) ? NotPublished : value;
    }

    public static bool IsSuppressed(object? cell) => cell is string s && (s == SmallCount || s == NotPublished);

    /// <summary>
    /// Primary and secondary suppression down one column of counts whose total is <paramref name="total"/> (null
    /// when the total is not published), through the same audited rule the open-data release applies
    /// (<see cref="W.DisclosureControl"/>), so the public page and the downloads publish the same cells.
    /// </summary>
    public static object?[] SecondarySuppression(IReadOnlyList<double?> parts, double? total)
    {
        var cells = parts.Select((v, i) => new W.DisclosureCell($"p{i}", v)).ToList();
        var lines = new List<W.AdditiveLine>();
        if (total is not null)
        {
            cells.Add(new W.DisclosureCell("total", total));
            lines.Add(new W.AdditiveLine("total", parts.Select((_, i) => $"p{i}").ToList()));
        }
        var result = W.DisclosureControl.Protect(new W.CellTable(W.CellMeasure.Count, cells, lines));
        return parts.Select((_, i) => result[$"p{i}"] switch
        {
            { Suppression: W.Suppression.None } c => (object?)c.Value,
            { Suppression: W.Suppression.SmallCount } => SmallCount,
            { Suppression: W.Suppression.NoValue } => null,
            _ => Complementary,
        }).ToArray();
    }

    /// <summary>What a cell hidden by secondary suppression shows: it reveals nothing about its size.</summary>
    public const string Complementary = "n.p.";
}
