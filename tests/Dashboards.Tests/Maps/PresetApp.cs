using Monitoring.Tests.Support;
using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards.Maps;

/// <summary>
/// A DATA_DIR of its own: a generated export (optionally edited by the test before loading, so the test knows the
/// truth independently of the warehouse), the real pipeline, the real dashboards app as a child process on a free
/// port and a headless Chromium. Kept apart from the shared "app" fixture, whose tests publish and replace snapshots.
/// </summary>
public abstract class PresetApp(GeneratorPreset preset, string name) : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"{name}-" + Guid.NewGuid().ToString("N")[..8]);
    public string ExportDir => Path.Combine(Root, "export");
    public string DataDir => Path.Combine(Root, "data");
    public string BaseUrl { get; private set; } = "";
    public string LogPath => Path.Combine(Artifacts.Dir, $"{name}-app.log");
    public IBrowser Browser { get; private set; } = default!;
    /// <summary>The windows the running test opened (closed after it by <see cref="BrowserTest"/>).</summary>
    public OpenWindows Windows { get; } = new();
    private IPlaywright? _playwright;
    private Process? _app;

    /// <summary>Changes the export before the pipeline reads it (the manifest is rewritten by the caller).</summary>
    protected virtual void Edit(string exportDir) { }

    /// <summary>Adds to the DATA_DIR after the pipeline loaded it, before the app starts (e.g. an open-data release).</summary>
    protected virtual void AfterLoad(string dataDir) { }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        ExportGenerator.Generate(new GeneratorOptions { Preset = preset, Seed = 1, OutputDirectory = ExportDir });
        Edit(ExportDir);
        var report = await PipelineRunner.RunAsync(new PipelineOptions { Source = ExportDir, DataDir = DataDir, Demo = true });
        Assert.True(report.Status == RunStatus.Succeeded, $"pipeline {report.Status}: {report.Error}");
        AfterLoad(DataDir);
        BaseUrl = $"http://127.0.0.1:{AppProcess.FreePort()}";
        _app = AppProcess.Start(AppProcess.DashboardsDll(), DataDir, BaseUrl, LogPath);
        await AppProcess.WaitUntilServingAsync(_app, BaseUrl, LogPath, seconds: 300);
        _playwright = await Playwright.CreateAsync();
        Browser = await DashboardsApp.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh 1280×900 window, signed in as the demo user of the role (null = the public).</summary>
    public Task<IPage> WindowAsync(string? demoUser) => DashboardsApp.WindowAsync(Browser, BaseUrl, demoUser, Windows);

    /// <summary>The warehouse in service, opened read-only by the test itself.</summary>
    public DuckDBConnection Warehouse()
    {
        var c = new DuckDBConnection(new SnapshotStore(DataDir).CurrentConnectionString() ?? throw new InvalidOperationException("no snapshot"));
        c.Open();
        return c;
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        ChildProcess.Stop(_app);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
