using System.Text.Json.Serialization;

namespace Monitoring.Tools.Bench.Panels;

/// <summary>One panel's timings in a benchmark run: the first call (cold) and the repeated warm calls.</summary>
public sealed record PanelTiming(
    [property: JsonPropertyName("panel")] string Panel,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("cold_ms")] double ColdMs,
    [property: JsonPropertyName("median_ms")] double MedianMs,
    [property: JsonPropertyName("p95_ms")] double P95Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("target_ms")] double TargetMs)
{
    /// <summary>The target is on the 95th percentile of warm calls: one slow outlier on a busy machine does not decide it.</summary>
    [JsonPropertyName("met")]
    public bool Met => P95Ms <= TargetMs;

    /// <summary>Nearest-rank percentile (p in 0..100) of a sorted list: the smallest value with at least p% of values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The median (mean of the two middle values for an even count) of a sorted list.</summary>
    public static double Median(IReadOnlyList<double> sorted)
    {
        if (sorted.Count == 0) return double.NaN;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
