using System.Text.Json;
using Monitoring.Access;
using Monitoring.Access.Scope;
using Monitoring.Access.Views;
using Monitoring.Dashboards.Queries;
using Monitoring.Dashboards.Views;
using Monitoring.Tools.Bench;
using Monitoring.Tools.Bench.Panels;

namespace Monitoring.Tests.Tools.Bench;

/// <summary>The panel benchmark (`monitoring-bench panels`) run for real on a tiny DATA_DIR, without the web host.</summary>
public sealed class PanelBenchmarkTests(TinyDataDirFixture data) : IClassFixture<TinyDataDirFixture>
{
    [Fact]
    public void Percentiles_are_nearest_rank_and_the_median_averages_the_middle_pair()
    {
        var values = Enumerable.Range(1, 20).Select(i => (double)i).ToList();
        Assert.Equal(19, PanelTiming.Percentile(values, 95));   // ceil(0.95·20) = 19th value
        Assert.Equal(20, PanelTiming.Percentile(values, 99));   // ceil(0.99·20) = 20th
        Assert.Equal(10, PanelTiming.Percentile(values, 50));
        Assert.Equal(10.5, PanelTiming.Median(values));
        Assert.Equal(3, PanelTiming.Median([1, 3, 7]));
        Assert.False(new PanelTiming("p", "r", 1, 1, 50, 100.5, 120, 30, 100).Met);
        Assert.True(new PanelTiming("p", "r", 1, 1, 50, 100, 120, 30, 100).Met);
    }

    [Fact]
    public async Task Bench_writes_median_p95_and_verdict_per_panel_to_json()
    {
        var outFile = Path.Combine(data.Root, "bench.json");
        var console = new StringWriter();
        var exit = await BenchCommandLine.RunAsync(["panels", "--data", data.DataDir, "--repeat", "5", "--target", "100000", "--out", outFile], console);
        Assert.Equal(0, exit);
        Assert.Contains("verdict: met", console.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var panels = json.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(DashboardQueries.Panels.Count, panels.Count);
        Assert.All(panels, p =>
        {
            Assert.Equal(5, p.GetProperty("runs").GetInt32());
            Assert.True(p.GetProperty("p95_ms").GetDouble() >= p.GetProperty("median_ms").GetDouble());
            Assert.True(p.GetProperty("met").GetBoolean());
        });
        Assert.True(json.RootElement.GetProperty("all_met").GetBoolean());

        // An impossible target is reported as missed, with exit code 1.
        var missed = new StringWriter();
        Assert.Equal(1, await BenchCommandLine.RunAsync(["panels", "--data", data.DataDir, "--repeat", "2", "--target", "0.000001"], missed));
        Assert.Contains("verdict: MISSED", missed.ToString());
    }

    [Fact]
    public void Benchmark_times_every_panel_without_the_web_host()
    {
        var timings = QueryBenchmark.Run(data.DataDir, repeat: 2).Panels;
        Assert.Equal(DashboardQueries.Panels.Count, timings.Count);
        // Queues may be empty where the work is done (no unassigned case, no leaver holding cases): timed, not counted.
        string[] mayBeEmpty = ["casework-unassigned", "casework-leavers"];
        Assert.All(timings.Where(t => !mayBeEmpty.Contains(t.Panel)), t => Assert.True(t.Rows > 0, $"{t.Panel} returned no rows"));
    }
}
