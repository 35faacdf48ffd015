using System.Globalization;
using System.Text.Json;

namespace Monitoring.Dashboards.LoadTest;

/// <summary>
/// The `loadtest` verb: dotnet Monitoring.Dashboards.dll loadtest --url http://127.0.0.1:PORT/public
/// [--connections 200] [--seconds 30] [--warmup 3] [--p99-target 500] [--out FILE.json]. Run it as a second process
/// against the app started on its own. Exit 0 when p99 is within the target with no error, 1 when not, 2 on usage.
/// </summary>
public static class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadTestOptions.Parse(args, out var error);
        if (options is null)
        {
            output.WriteLine(error);
            output.WriteLine("usage: loadtest --url http://127.0.0.1:PORT/public [--connections 200] [--seconds 30] [--warmup 3] [--p99-target 500] [--out FILE.json]");
            return 2;
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"GET {options.Url} with {options.Connections} connections for {options.Seconds} s (after {options.WarmupSeconds} s of warm-up)");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds + 60));
        var r = await LoadTestRunner.RunAsync(options, stop.Token);
        output.WriteLine(string.Format(inv, "requests {0}  in {1:0.0} s  = {2:0.0} requests/s  ({3:0} bytes a response)", r.Requests, r.Seconds, r.RequestsPerSecond, r.BytesPerResponse));
        output.WriteLine(string.Format(inv, "latency p50 {0:0.0} ms  p90 {1:0.0} ms  p99 {2:0.0} ms  max {3:0.0} ms", r.P50Ms, r.P90Ms, r.P99Ms, r.MaxMs));
        output.WriteLine($"errors {r.Errors}" + (r.Errors > 0 ? "  (" + string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Key}: {e.Value}")) + ")" : ""));
        output.WriteLine($"load average after: {r.LoadAverageAfter}");
        output.WriteLine(r.Met
            ? string.Format(inv, "verdict: met — p99 {0:0.0} ms <= {1} ms and no errors", r.P99Ms, r.P99TargetMs)
            : string.Format(inv, "verdict: MISSED — p99 {0:0.0} ms (target {1} ms), {2} errors", r.P99Ms, r.P99TargetMs, r.Errors));
        if (options.OutPath is { } path)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(r, new JsonSerializerOptions { WriteIndented = true }));
            output.WriteLine($"written {path}");
        }
        return r.Met ? 0 : 1;
    }
}
