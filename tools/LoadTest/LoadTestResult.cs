using System.Text.Json.Serialization;

namespace Monitoring.Tools.LoadTest;

/// <summary>The outcome of one load test: throughput, latency percentiles of completed requests, and errors by kind.</summary>
public sealed record LoadTestResult(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("connections")] int Connections,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p90_ms")] double P90Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("errors_by_kind")] IReadOnlyDictionary<string, long> ErrorsByKind,
    [property: JsonPropertyName("bytes_per_response")] long BytesPerResponse,
    [property: JsonPropertyName("p99_target_ms")] double P99TargetMs,
    [property: JsonPropertyName("load_average_after")] string? LoadAverageAfter)
{
    /// <summary>Met when the 99th percentile is within the target and not one request failed.</summary>
    [JsonPropertyName("met")]
    public bool Met => Requests > 0 && Errors == 0 && P99Ms <= P99TargetMs;
}
