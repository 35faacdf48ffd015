using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var dll = DashboardsApp.DashboardsDll();
        _app = AppProcess.Start(dll, DataDir, BaseUrl, LogPath);

        using (var http = new HttpClient())
        {
            var until = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                if (_app.HasExited) throw new InvalidOperationException($"dashboards exited with {_app.ExitCode}; see {LogPath}");
                if (DateTime.UtcNow > until) throw new TimeoutException("dashboards did not start on the national data");
                try { if ((await http.GetAsync(BaseUrl + "/public")).StatusCode == HttpStatusCode.OK) break; }
                catch (HttpRequestException) { }
                await Task.Delay(500);
            }
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardsApp.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh 1280×900 page, signed in as a demo user (null = the public).</summary>
    public Task<IPage> PageAsync(string? demoUser) => DashboardsApp.WindowAsync(Browser, BaseUrl, demoUser);

    public async Task DisposeAsync()
    {
        if (_playwright is not null) { await Browser.CloseAsync(); _playwright.Dispose(); }
        if (_app is { HasExited: false }) { _app.Kill(entireProcessTree: true); await _app.WaitForExitAsync(); }
        // The link is removed, never what it points to.
        try { if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
