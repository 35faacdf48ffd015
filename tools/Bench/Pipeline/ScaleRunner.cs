using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// `monitoring-bench pipeline --scales tiny,regional,national,history`: the benchmark of one preset run for each scale in
/// turn, each in a child process of its own (`pipeline --preset SCALE`), so each scale's peak memory is its own process's
/// and one scale's caches do not help the next. Prints one line per scale against the targets and the panels' p95 per
/// scale, and writes every scale's results to one bench.json.
/// </summary>
public static class ScaleRunner
{
    public static int Run(IReadOnlyList<string> scales, int seed, string work, string output, int panelRepeat)
    {
        var results = new List<JsonNode>();
        var exit = 0;
        foreach (var scale in scales)
        {
            var scaleWork = Path.Combine(work, scale);
            var scaleOut = Path.Combine(scaleWork, "bench.json");
            if (File.Exists(scaleOut)) File.Delete(scaleOut); // never report an earlier run's figures as this one's
            AnsiConsole.MarkupLine($"[bold]scale {scale}[/] (child process) …");
            var code = ChildProcess.Run(["pipeline", "--preset", scale, "--seed", seed.ToString(CultureInfo.InvariantCulture),
                "--work", scaleWork, "--out", scaleOut, "--panel-repeat", panelRepeat.ToString(CultureInfo.InvariantCulture)]);
            if (code != 0) exit = 1;
            if (!File.Exists(scaleOut))
            {
                AnsiConsole.MarkupLine($"[red]scale {scale}: the benchmark ended (exit {code}) without results[/]");
                results.Add(new JsonObject { ["preset"] = scale, ["error"] = $"exit {code}, no results" });
                continue;
            }
            results.Add(JsonNode.Parse(File.ReadAllText(scaleOut))!);
        }

        var all = new JsonObject
        {
            ["date"] = DateTimeOffset.UtcNow,
            ["scales"] = new JsonArray(results.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, all.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Print(results);
        AnsiConsole.MarkupLine($"written to {output}");
        return exit;
    }

    static void Print(List<JsonNode> results)
    {
        BenchCommand.WideWhenRedirected();
        // Headings as lines of their own: a table's title wraps to the table's width.
        AnsiConsole.MarkupLine("every scale against the targets (full ≤ 2.0× native, peak ≤ 3 GB, delta ≤ 10% of full, panel p95 ≤ 100 ms):");
        var t = new Table()
            .AddColumns("scale", "rows", "native s", "full s", "full ÷ native", "delta s", "delta % of full", "peak MB full / delta", "worst panel p95");
        foreach (var r in results)
        {
            if (r["error"] is { } error) { t.AddRow(r["preset"]!.ToString(), $"[red]{Markup.Escape(error.ToString())}[/]", "", "", "", "", "", "", ""); continue; }
            double D(string name) => r[name]!.GetValue<double>();
            var targets = r["targets"]!;
            var ratio = D("full_ratio_to_native");
            var deltaShare = D("delta_ratio_to_full");
            var peak = Math.Max(D("peak_memory_mb"), D("delta_peak_memory_mb"));
            var worst = r["panels"]?["panels"]?.AsArray().MaxBy(p => p!["p95_ms"]!.GetValue<double>());
            t.AddRow(
                r["preset"]!.ToString(),
                $"{r["rows"]!.GetValue<long>():N0}",
                $"{D("native_csv_to_parquet_seconds"):0.0}",
                $"{D("full_run_seconds"):0.0}",
                $"{ratio:0.00}× {BenchCommand.Verdict(ratio <= targets["full_ratio"]!.GetValue<double>())}",
                $"{D("delta_run_seconds"):0.0}",
                $"{deltaShare:P0} {BenchCommand.Verdict(deltaShare <= targets["delta_ratio"]!.GetValue<double>())}",
                $"{D("peak_memory_mb"):N0} / {D("delta_peak_memory_mb"):N0} {BenchCommand.Verdict(peak <= targets["peak_memory_mb"]!.GetValue<double>())}",
                worst is null ? "" : $"{worst["p95_ms"]!.GetValue<double>():0.0} ms ({worst["panel"]}) {BenchCommand.Verdict(worst["met"]!.GetValue<bool>())}");
        }
        AnsiConsole.Write(t);

        // The panels' p95 per scale: how each panel's cost grows with the snapshot.
        var measured = results.Where(r => r["panels"] is not null).ToList();
        if (measured.Count == 0) return;
        AnsiConsole.MarkupLine("panel p95 (ms) on each scale's snapshot, warm calls:");
        var p = new Table().AddColumn("panel");
        foreach (var r in measured) p.AddColumn(r["preset"]!.ToString());
        var names = measured[0]["panels"]!["panels"]!.AsArray().Select(x => x!["panel"]!.ToString()).ToList();
        foreach (var name in names)
            p.AddRow([name, .. measured.Select(r =>
            {
                var timing = r["panels"]!["panels"]!.AsArray().FirstOrDefault(x => x!["panel"]!.ToString() == name);
                return timing is null ? "" : $"{timing["p95_ms"]!.GetValue<double>():0.0}{(timing["met"]!.GetValue<bool>() ? "" : " [red]MISSED[/]")}";
            })]);
        AnsiConsole.Write(p);
    }
}
