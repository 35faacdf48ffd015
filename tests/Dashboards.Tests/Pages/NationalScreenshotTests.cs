using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Pages;

/// <summary>
/// Each dashboard at national scale (opt-in: MONITORING_NATIONAL_DATA), photographed at 1280×900 into
/// tests/Dashboards.Tests/artifacts/national-*.png. Checks what a reader would notice first: the page answers,
/// its charts are drawn with data, nothing is wider than the window, and the picture stays small enough to commit.
/// </summary>
public sealed class NationalScreenshotTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const long MaxPngBytes = 400 * 1024;

    [NationalFact]
    public Task Ministry() => ShootAsync("ministry", "ministry", "/ministry", "#chart-funnel", scrollTo: "#flags");

    [NationalFact]
    public Task Planner() => ShootAsync("planner", "planner_region", "/planner", "#chart-compare");

    [NationalFact]
    public Task Casework_as_coordinator() => ShootAsync("casework", "coordinator", "/casework", "#chart-workload");

    [NationalFact]
    public Task Public() => ShootAsync("public", null, "/public", "#chart-public-trend");

    [NationalFact]
    public Task Glossary() => ShootAsync("glossary", null, "/glossary", null);

    /// <param name="scrollTo">where the window picture starts, when the page's top (filters, tiles) says little.</param>
    private async Task ShootAsync(string name, string? demoUser, string path, string? chart, string? scrollTo = null)
    {
        var page = await app.PageAsync(demoUser);
        var response = await page.GotoAsync(path, new() { Timeout = 60000 });
        Assert.Equal(200, response!.Status);
        if (chart is not null)
        {
            await page.Locator($"{chart} .apexcharts-canvas").WaitForAsync(new() { Timeout = 30000 });
            // A drawn chart with no data has a canvas but no series paths or markers.
            var marks = await page.Locator($"{chart} .apexcharts-series path, {chart} .apexcharts-series circle, {chart} .apexcharts-marker").CountAsync();
            Assert.True(marks > 0, $"{name}: chart {chart} is empty");
        }
        Assert.True(await page.Locator(".grid-table tbody tr").CountAsync() > 0, $"{name}: no table rows");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than the window");

        Directory.CreateDirectory(Artifacts.Dir);
        if (scrollTo is not null) await page.Locator(scrollTo).EvaluateAsync("e => e.scrollIntoView()");
        var file = Path.Combine(Artifacts.Dir, $"national-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = false });
        // The whole page too, for a reader of the artifacts (not committed, so not held to the size limit).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Dir, $"national-{name}-full.png"), FullPage = true });
        var sections = page.Locator("main section");
        for (var i = 0; i < await sections.CountAsync(); i++)
            await sections.Nth(i).ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Artifacts.Dir, $"national-{name}-section{i + 1}.png") });
        var size = new FileInfo(file).Length;
        Assert.True(size < MaxPngBytes, $"{name}: {size} bytes, more than {MaxPngBytes}");
        await page.Context.CloseAsync();
    }
}
