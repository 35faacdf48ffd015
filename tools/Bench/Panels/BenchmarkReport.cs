using System.Text.Json.Serialization;

namespace Monitoring.Tools.Bench.Panels;

/// <summary>What `bench --out FILE` writes: the snapshot measured, the machine's load, and each panel's timings.</summary>
public sealed record BenchmarkReport(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("measured_at")] DateTime MeasuredAt,
    [property: JsonPropertyName("repeat")] int Repeat,
    [property: JsonPropertyName("target_ms")] double TargetMs,
    [property: JsonPropertyName("processors")] int Processors,
    [property: JsonPropertyName("load_average_before")] string? LoadAverageBefore,
    [property: JsonPropertyName("load_average_after")] string? LoadAverageAfter,
    [property: JsonPropertyName("panels")] IReadOnlyList<PanelTiming> Panels)
{
    [JsonPropertyName("all_met")]
    public bool AllMet => Panels.All(p => p.Met);

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to read the timings against how busy the machine was.</summary>
    public static string? LoadAverage()
    {
        try { return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null; }
        catch (IOException) { return null; }
    }
}
