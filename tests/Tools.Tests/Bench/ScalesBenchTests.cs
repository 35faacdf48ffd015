using System.Text.Json;
using Monitoring.Tests.Tools.Cli;

namespace Monitoring.Tests.Tools.Bench;

/// <summary>
/// `monitoring-bench pipeline --scales tiny` run for real as a child process (which runs the tiny scale in a child of
/// its own): one bench.json with the scale's native, full and delta seconds, its own peak memory and every panel's p95,
/// and the console's verdicts against the targets.
/// </summary>
public sealed class ScalesBenchTests
{
    [Fact]
    public void The_scales_bench_reports_each_scale_with_its_own_peak_and_panel_p95()
    {
        var root = Directory.CreateTempSubdirectory("bench-scales-").FullName;
        try
        {
            var bench = new Executable("monitoring-bench.dll") { Timeout = TimeSpan.FromMinutes(5) }
                .Run("pipeline", "--scales", "tiny", "--work", root, "--panel-repeat", "2");
            var output = bench.Out + bench.Err;
            Assert.True(bench.ExitCode == 0, bench.ToString());

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bench.json")));
            var scale = Assert.Single(json.RootElement.GetProperty("scales").EnumerateArray());
            Assert.Equal("tiny", scale.GetProperty("preset").GetString());
            Assert.True(scale.GetProperty("peak_memory_per_run").GetBoolean(), "the peak is the process's, not the run's");
            // A tiny run needs some tens of MB and nowhere near the target; the delta's peak is measured apart.
            Assert.InRange(scale.GetProperty("peak_memory_mb").GetDouble(), 30, 3072);
            Assert.InRange(scale.GetProperty("delta_peak_memory_mb").GetDouble(), 30, 3072);
            // The delta runs in a process of its own: it begins with far less resident than the full run's peak (in the
            // full run's process it began with what that run, the panels and the delta export's making left behind).
            Assert.True(scale.GetProperty("delta_resident_at_start_mb").GetDouble() < scale.GetProperty("peak_memory_mb").GetDouble() / 2,
                $"delta began with {scale.GetProperty("delta_resident_at_start_mb")} MB resident, the full run peaked at {scale.GetProperty("peak_memory_mb")} MB");
            Assert.Equal("succeeded", scale.GetProperty("delta_status").GetString());
            // Each stage's sampled peak, and what DuckDB itself held then, for the full run and the delta.
            foreach (var phase in new[] { "stages_peak_mb", "delta_stages_peak_mb" })
            {
                var indicators = scale.GetProperty(phase).GetProperty("indicators");
                Assert.InRange(indicators.GetProperty("resident_mb").GetDouble(), 30, 3072);
                Assert.True(indicators.GetProperty("duckdb_mb").GetDouble() > 0, $"{phase}: no DuckDB figure for the indicators stage");
            }
            var native = scale.GetProperty("native_csv_to_parquet_seconds").GetDouble();
            var full = scale.GetProperty("full_run_seconds").GetDouble();
            Assert.True(native > 0 && full > native, $"native {native} s, full {full} s");
            // The seconds are written rounded to 0.01 s: the ratio agrees with them to that precision.
            Assert.InRange(scale.GetProperty("full_ratio_to_native").GetDouble(), (full - 0.01) / (native + 0.01), (full + 0.01) / (native - 0.01));
            var panels = scale.GetProperty("panels").GetProperty("panels").EnumerateArray().ToList();
            Assert.Equal(Monitoring.Dashboards.Queries.DashboardQueries.Panels.Count, panels.Count);
            Assert.All(panels, p => Assert.True(p.GetProperty("p95_ms").GetDouble() > 0));

            // The console: one line per scale with its verdicts, and the panels' p95 per scale.
            Assert.Contains("every scale against the targets", output);
            Assert.Matches(@"tiny\s*│[^\n]*(met|MISSED)", output);
            Assert.Contains("panel p95 (ms) on each scale's snapshot", output);
            Assert.Contains("ministry-headlines", output);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
