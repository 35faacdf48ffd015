using Monitoring.Tests.Support;
using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// One real DATA_DIR (the tiny preset through the real pipeline), the real dashboards app started as a child
/// process on a free port, and a real headless Chromium. Shared by the end-to-end tests of one collection: "app"
/// (tests that change its DATA_DIR) or "app-pages" (tests that only read pages); each has an instance of its own.
/// </summary>
public sealed class DashboardsApp : IAsyncLifetime
{
    // The first instance logs to app.log, the second to app-2.log (the two collections run side by side).
    private static int _instances;
    private readonly int _instance = Interlocked.Increment(ref _instances);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dashboards-tests-" + Guid.NewGuid().ToString("N")[..8]);
    public string ExportDir => Path.Combine(Root, "export");
    public string DataDir => Path.Combine(Root, "data");
    public string BaseUrl { get; private set; } = "";
    public string LogPath => Path.Combine(Artifacts.Dir, _instance == 1 ? "app.log" : $"app-{_instance}.log");
    public IBrowser Browser { get; private set; } = default!;
    /// <summary>The windows the running test opened (closed after it by <see cref="BrowserTest"/>).</summary>
    public OpenWindows Windows { get; } = new();

    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private Process? _app;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install it with `apt-get install -y chromium`");
        Directory.CreateDirectory(Root);
        ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 1, OutputDirectory = ExportDir });
        await RunPipelineAsync();
        StartApp();
        await AppProcess.WaitUntilServingAsync(_app!, BaseUrl, LogPath);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh 1280×900 context on the app, signed in as a demo user (null = the public).</summary>
    internal static async Task<IPage> WindowAsync(IBrowser browser, string baseUrl, string? demoUser, OpenWindows? windows = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        windows?.Track(context);
        Patient(context);
        var page = await context.NewPageAsync();
        if (demoUser is null) return page;
        await page.GotoAsync("/signin");
        await page.ClickAsync($"button[data-demo-user='{demoUser}']");
        await page.WaitForURLAsync(u => !u.Contains("/signin"), new() { Timeout = 60000 });
        return page;
    }

    /// <summary>
    /// 90 s instead of Playwright's 30 s for a navigation or an action: the first page of a new snapshot waits for its
    /// disclosure control, and two collections share the 2 cores with the app, the browser and the pipeline runs.
    /// </summary>
    internal static void Patient(IBrowserContext context)
    {
        // Assertions.Expect waits 5 s by default: an ATS's trend after a drill-down click took longer on a loaded run.
        Assertions.SetDefaultExpectTimeout(30_000);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
    }

    /// <summary>Debian's Chromium, headless, as root (no sandbox), without background traffic.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>Runs the real pipeline into DATA_DIR (a second call publishes a new snapshot).</summary>
    public async Task<string> RunPipelineAsync()
    {
        var report = await PipelineRunner.RunAsync(new PipelineOptions { Source = ExportDir, DataDir = DataDir, Demo = true });
        Assert.True(report.Status == RunStatus.Succeeded, $"pipeline {report.Status}: {report.Error}");
        return report.RunId;
    }

    private void StartApp()
    {
        var port = AppProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var dll = AppProcess.DashboardsDll();
        _app = AppProcess.Start(dll, DataDir, BaseUrl, LogPath);
    }

    public string AppLog() => AppProcess.ReadLog(LogPath);

    /// <summary>The warehouse in service, opened read-only by the test itself (to check what the pages show).</summary>
    public DuckDBConnection Warehouse()
    {
        var c = new DuckDBConnection(new SnapshotStore(DataDir).CurrentConnectionString() ?? throw new InvalidOperationException("no snapshot"));
        c.Open();
        return c;
    }

    /// <summary>A fresh browser context (no cookies) and page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = Windows.Track(await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl }));
        Patient(context);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInAsync(string demoUser)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.ClickAsync($"button[data-demo-user='{demoUser}']");
        await page.WaitForURLAsync(u => !u.Contains("/signin"));
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Artifacts.Dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Dir, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        ChildProcess.Stop(_app);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
