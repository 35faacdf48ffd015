using System.Diagnostics;
using System.Text.Json;

namespace Monitoring.Tests.Dashboards;

/// <summary>The load tester (tools/LoadTest) against the running app, and the public page's cache. The tools' own tests are in Tools.Tests.</summary>
[Collection("app")]
public sealed class PerformanceToolsTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Fact]
    public async Task Load_test_from_a_second_process_reports_throughput_latency_and_no_errors()
    {
        var outFile = Path.Combine(app.Root, "loadtest.json");
        // The load tester (tools/LoadTest), copied beside the tests by the project reference.
        var dll = Path.Combine(AppContext.BaseDirectory, "monitoring-loadtest.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--url", app.BaseUrl + "/public", "--connections", "8", "--seconds", "2", "--warmup", "1", "--out", outFile })
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
