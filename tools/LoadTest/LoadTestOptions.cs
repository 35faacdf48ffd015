using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.Dashboards.LoadTest;

/// <summary>
/// What `loadtest` is asked to do. Only loopback targets are accepted (the tool measures our own app on this
/// machine, it is not for hammering anyone else), and duration and connections are bounded.
/// </summary>
public sealed record LoadTestOptions
{
    public const int MaxConnections = 1000;
    public const int MaxSeconds = 600;

    public required Uri Url { get; init; }
    public int Connections { get; init; } = 200;
    public int Seconds { get; init; } = 30;
    /// <summary>Seconds of load before measuring (connections opened, JIT and caches warm); not counted.</summary>
    public int WarmupSeconds { get; init; } = 3;
    public double P99TargetMs { get; init; } = 500;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public string? OutPath { get; init; }

    /// <summary>Parses the verb's arguments; returns null with the reason when they are not acceptable.</summary>
    public static LoadTestOptions? Parse(string[] args, out string? error)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        int Int(string name, int fallback) => int.TryParse(Arg(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
        error = null;
        if (!Uri.TryCreate(Arg("--url") ?? "", UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
        {
            error = "--url http://127.0.0.1:PORT/public is required";
            return null;
        }
        if (!IsLoopback(url))
        {
            error = $"refused: {url.Host} is not a loopback address (only 127.0.0.0/8, ::1 or localhost)";
            return null;
        }
        var options = new LoadTestOptions
        {
            Url = url,
            Connections = Int("--connections", 200),
            Seconds = Int("--seconds", 30),
            WarmupSeconds = Int("--warmup", 3),
            P99TargetMs = double.TryParse(Arg("--p99-target"), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 500,
            OutPath = Arg("--out"),
        };
        if (options.Connections is < 1 or > MaxConnections) error = $"--connections must be 1..{MaxConnections}";
        else if (options.Seconds is < 1 or > MaxSeconds) error = $"--seconds must be 1..{MaxSeconds}";
        else if (options.WarmupSeconds is < 0 or > 60) error = "--warmup must be 0..60";
        else if (options.P99TargetMs <= 0) error = "--p99-target must be positive";
        return error is null ? options : null;
    }

    /// <summary>True when the host is a loopback literal or "localhost" (which resolves to loopback only).</summary>
    public static bool IsLoopback(Uri url)
    {
        if (url.IsLoopback && url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip)
               && (ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
               && IPAddress.IsLoopback(ip);
    }
}
