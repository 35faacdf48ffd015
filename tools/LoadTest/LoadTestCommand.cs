using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Monitoring.Etl.Cli;

namespace Monitoring.Tools.LoadTest;

/// <summary>
/// The load tester: dotnet monitoring-loadtest.dll --url http://127.0.0.1:PORT/public
/// [--connections 200] [--seconds 30] [--warmup 3] [--p99-target 500] [--out FILE.json]. Run it as a second process
/// against the app started on its own. Exit 0 when p99 is within the target with no error, 1 when not, 2 on usage.
/// </summary>
public static class LoadTestCommand
{
    public const int UsageExit = 2;

    sealed record Options(Option<Uri> Url, Option<int> Connections, Option<int> Seconds, Option<int> Warmup, Option<double> P99Target, Option<string?> Out)
    {
        public static Options Create() => new(
            new Option<Uri>("--url")
            {
                Description = "the page to load, on this machine (127.0.0.0/8, ::1 or localhost)", HelpName = "http://127.0.0.1:PORT/public", Required = true,
                CustomParser = r =>
                {
                    if (Uri.TryCreate(r.Tokens.Single().Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return url;
                    r.AddError("--url must be an http address such as http://127.0.0.1:PORT/public");
                    return null;
                },
            },
            new Option<int>("--connections") { Description = $"concurrent connections, each with one request in flight (1..{LoadTestOptions.MaxConnections})", HelpName = "N", DefaultValueFactory = _ => 200 },
            new Option<int>("--seconds") { Description = $"how long to measure (1..{LoadTestOptions.MaxSeconds})", HelpName = "S", DefaultValueFactory = _ => 30 },
            new Option<int>("--warmup") { Description = "seconds of load before measuring, not counted (0..60)", HelpName = "S", DefaultValueFactory = _ => 3 },
            new Option<double>("--p99-target") { Description = "the 99th-percentile latency target in milliseconds", HelpName = "MS", DefaultValueFactory = _ => 500 },
            new Option<string?>("--out") { Description = "also write the result as JSON to this file", HelpName = "FILE.json" });

        public LoadTestOptions Read(ParseResult parsed) => new()
        {
            Url = parsed.GetValue(Url)!,
            Connections = parsed.GetValue(Connections),
            Seconds = parsed.GetValue(Seconds),
            WarmupSeconds = parsed.GetValue(Warmup),
            P99TargetMs = parsed.GetValue(P99Target),
            OutPath = parsed.GetValue(Out),
        };

        public RootCommand Root() => new("HTTP load on a running dashboards instance, from this second process (not part of the product)")
        {
            Url, Connections, Seconds, Warmup, P99Target, Out,
        };
    }

    public static RootCommand Root()
    {
        var options = Options.Create();
        var root = options.Root();
        root.SetAction((parsed, _) =>
        {
            var o = options.Read(parsed);
            return o.Problem() is { } problem ? throw new CliUsageException(problem) : RunAsync(o, parsed.InvocationConfiguration.Output);
        });
        return root;
    }

    /// <summary>The whole command line, as `dotnet monitoring-loadtest.dll args...` runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null) => CommandLineApp.RunAsync(Root(), args, UsageExit, output);

    /// <summary>The options the arguments stand for, or null with the parser's or <see cref="LoadTestOptions.Problem"/>'s reason.</summary>
    public static LoadTestOptions? Parse(string[] args, out string? error)
    {
        var options = Options.Create();
        var parsed = options.Root().Parse(args);
        if (parsed.Errors.Count > 0) { error = string.Join("; ", parsed.Errors.Select(e => e.Message)); return null; }
        var o = options.Read(parsed);
        error = o.Problem();
        return error is null ? o : null;
    }

    static async Task<int> RunAsync(LoadTestOptions options, TextWriter output)
    {
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
