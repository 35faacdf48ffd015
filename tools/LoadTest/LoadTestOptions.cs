using System.Net;
using System.Net.Sockets;

namespace Monitoring.Tools.LoadTest;

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

    /// <summary>Parses the tool's arguments (<see cref="LoadTestCommand"/>); returns null with the reason when they are not acceptable.</summary>
    public static LoadTestOptions? Parse(string[] args, out string? error) => LoadTestCommand.Parse(args, out error);

    /// <summary>Why these options may not run (a target off this machine, bounds), or null.</summary>
    public string? Problem()
    {
        if (!IsLoopback(Url)) return $"refused: {Url.Host} is not a loopback address (only 127.0.0.0/8, ::1 or localhost)";
        if (Connections is < 1 or > MaxConnections) return $"--connections must be 1..{MaxConnections}";
        if (Seconds is < 1 or > MaxSeconds) return $"--seconds must be 1..{MaxSeconds}";
        if (WarmupSeconds is < 0 or > 60) return "--warmup must be 0..60";
        if (P99TargetMs <= 0) return "--p99-target must be positive";
        return null;
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
