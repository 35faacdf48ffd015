using Monitoring.Tests.Support;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The real dashboards app, as a child process, on the national DATA_DIR named by MONITORING_NATIONAL_DATA, and a
/// headless Chromium. The app writes its follow-up register into its DATA_DIR, so it is given a DATA_DIR of its
/// own: a temporary folder with CURRENT and a symbolic link to the national snapshot (which is only read).
/// Does nothing when the variable is not set (the tests using it are skipped).
/// </summary>
public sealed class NationalApp : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dashboards-national-" + Guid.NewGuid().ToString("N")[..8]);
    public string DataDir => Path.Combine(Root, "data");
    public string BaseUrl { get; private set; } = "";
    public string LogPath => Path.Combine(Artifacts.Dir, "national-app.log");
    public IBrowser Browser { get; private set; } = default!;

    private IPlaywright? _playwright;
    private Process? _app;

    public async Task InitializeAsync()
    {
        if (NationalFactAttribute.DataDir is not { } source) return;
        var runId = File.ReadAllText(Path.Combine(source, "CURRENT")).Trim();
        Directory.CreateDirectory(Path.Combine(DataDir, "snapshots"));
        Directory.CreateSymbolicLink(Path.Combine(DataDir, "snapshots", runId), Path.GetFullPath(Path.Combine(source, "snapshots", runId)));
        File.WriteAllText(Path.Combine(DataDir, "CURRENT"), runId + "\n");

        BaseUrl = $"http://127.0.0.1:{AppProcess.FreePort()}";
        _app = AppProcess.Start(AppProcess.DashboardsDll(), DataDir, BaseUrl, LogPath);
        await AppProcess.WaitUntilServingAsync(_app, BaseUrl, LogPath, seconds: 120);
        _playwright = await Playwright.CreateAsync();
        Browser = await DashboardsApp.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh 1280×900 page, signed in as a demo user (null = the public).</summary>
    public Task<IPage> PageAsync(string? demoUser) => DashboardsApp.WindowAsync(Browser, BaseUrl, demoUser);

    public async Task DisposeAsync()
    {
        if (_playwright is not null) { await Browser.CloseAsync(); _playwright.Dispose(); }
        ChildProcess.Stop(_app);
        // The link is removed, never what it points to.
        try { if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
