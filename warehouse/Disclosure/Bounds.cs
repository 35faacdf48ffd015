namespace Monitoring.Warehouse.Disclosure;

/// <summary>What an outside reader knows of a cell's value: an interval (published = a point, "&lt;10" = [0, 9], ...).</summary>
internal readonly record struct Bounds(double Low, double High)
{
    public static Bounds Point(double v) => new(v, v);

    /// <summary>True when only one whole number fits: the value is disclosed (counts are whole numbers).</summary>
    public bool PinsOneInteger => Math.Floor(High + 1e-9) <= Math.Ceiling(Low - 1e-9);
}
