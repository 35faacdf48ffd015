using System.Diagnostics;
using System.Text.Json;
using Monitoring.Tools.LoadTest;
using Monitoring.Dashboards.Queries;
using Monitoring.Tools.Bench;
using Monitoring.Tools.Bench.Panels;

namespace Monitoring.Tests.Dashboards;

/// <summary>The benchmark's report and the load test, run for real on the tiny DATA_DIR and the running app.</summary>
[Collection("app")]
public sealed class PerformanceToolsTests(DashboardsApp app)
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
        var outFile = Path.Combine(app.Root, "bench.json");
        var console = new StringWriter();
        var exit = await BenchCommandLine.RunAsync(["panels", "--data", app.DataDir, "--repeat", "5", "--target", "100000", "--out", outFile], console);
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
        Assert.Equal(1, await BenchCommandLine.RunAsync(["panels", "--data", app.DataDir, "--repeat", "2", "--target", "0.000001"], missed));
        Assert.Contains("verdict: MISSED", missed.ToString());
    }

    [Theory]
    [InlineData("http://10.0.0.1:5080/public")]
    [InlineData("http://example.org/public")]
    [InlineData("http://192.168.1.10/public")]
    [InlineData("ftp://127.0.0.1/public")]
    public void Load_test_refuses_anything_but_loopback(string url)
    {
        Assert.Null(LoadTestOptions.Parse(["--url", url], out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Load_test_accepts_loopback_within_bounds()
    {
        Assert.NotNull(LoadTestOptions.Parse(["--url", "http://127.0.0.1:5080/public"], out _));
        Assert.NotNull(LoadTestOptions.Parse(["--url", "http://[::1]:5080/public"], out _));
        Assert.NotNull(LoadTestOptions.Parse(["--url", "http://localhost:5080/public"], out _));
        Assert.Null(LoadTestOptions.Parse(["--url", "http://127.0.0.1:5080/public", "--seconds", "100000"], out _));
        Assert.Null(LoadTestOptions.Parse(["--url", "http://127.0.0.1:5080/public", "--connections", "0"], out _));
    }

    [Fact]
    public async Task Load_test_from_a_second_process_reports_throughput_latency_and_no_errors()
    {
        var outFile = Path.Combine(app.Root, "loadtest.json");
        var dll = Path.Combine(Artifacts.RepoRoot, "dashboards", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "Monitoring.Dashboards.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "loadtest", "--url", app.BaseUrl + "/public", "--connections", "8", "--seconds", "2", "--warmup", "1", "--out", outFile })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.Contains("requests/s", output);
        Assert.Contains("p99", output);

        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var r = json.RootElement;
        Assert.True(r.GetProperty("requests").GetInt64() > 0, output);
        Assert.Equal(0, r.GetProperty("errors").GetInt64());
        Assert.True(r.GetProperty("p99_ms").GetDouble() >= r.GetProperty("p50_ms").GetDouble());
        Assert.Equal(r.GetProperty("met").GetBoolean() ? 0 : 1, process.ExitCode);
    }

    [Fact]
    public async Task Public_page_is_served_from_the_cache_for_anonymous_visitors_only()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await http.GetAsync("/public?month=");
        var again = await http.GetAsync("/public?month=");
        Assert.True(again.Headers.Age is not null, "the second anonymous view should come from the output cache");

        // A signed-in ministry user's pages are never cached.
        var page = await app.SignedInAsync("ministry");
        await page.APIRequest.GetAsync("/public?month=");
        var second = await page.APIRequest.GetAsync("/public?month=");
        Assert.Equal(200, second.Status);
        Assert.False(second.Headers.ContainsKey("age"));
    }
}
