namespace Monitoring.Dashboards.Maps;

/// <summary>
/// The legend's classes: up to <see cref="MaxClasses"/> equal intervals between the smallest and the largest value
/// shown (equal intervals, not quantiles, so a class means the same width of the indicator wherever it is read;
/// fewer classes when there are fewer distinct values). Class k (1-based) holds Min ≤ v &lt; Max; the top class also
/// holds its Max (the largest value).
/// </summary>
public sealed record MapClasses(IReadOnlyList<(double Min, double Max)> Ranges)
{
    public const int MaxClasses = 5;

    public static MapClasses Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count == 0) return new MapClasses([]);
        double lo = v.Min(), hi = v.Max();
        var n = Math.Min(MaxClasses, v.Distinct().Count());
        if (n <= 1 || hi <= lo) return new MapClasses([(lo, hi)]);
        var width = (hi - lo) / n;
        return new MapClasses(Enumerable.Range(0, n).Select(k => (lo + k * width, k == n - 1 ? hi : lo + (k + 1) * width)).ToList());
    }

    /// <summary>The 1-based class of a value, or null for none (no classes, or a value outside them).</summary>
    public int? ClassOf(double value)
    {
        for (var k = 0; k < Ranges.Count; k++)
        {
            var (min, max) = Ranges[k];
            if (value >= min && (value < max || k == Ranges.Count - 1 && value <= max)) return k + 1;
        }
        return null;
    }
}
