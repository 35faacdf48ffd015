using Monitoring.Tests.Support;
using System.Diagnostics;
using System.Net;
using Monitoring.Tools.Generate;
using Monitoring.Etl.OpenData;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Tests.Dashboards.Disclosure;

/// <summary>
/// A DATA_DIR of its own (the tiny-italy preset — every region and ATS, few households each — through the real pipeline), the open-data release of its snapshot made by
/// the real publisher, and the real dashboards app started as a child process on a free port. No browser: the
/// attacker reads what anyone can download over HTTP. Kept apart from the shared "app" fixture, whose tests publish
/// and replace snapshots.
/// </summary>
public sealed class PublicSurfacesApp : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "disclosure-attack-" + Guid.NewGuid().ToString("N")[..8]);
    public string DataDir => Path.Combine(Root, "data");
    public string BaseUrl { get; private set; } = "";
    // Generous: the first public request of a snapshot waits for its disclosure control (seconds; minutes on a saturated CI box).
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };
    public string LogPath => Path.Combine(Artifacts.Dir, "disclosure-app.log");
    /// <summary>Every public table and the release, pulled once for the tests of this class.</summary>
    public PublicHarvest Harvest { get; private set; } = default!;
    private Process? _app;

    public async Task InitializeAsync()
    {
        var export = Path.Combine(Root, "export");
        ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.TinyItaly, Seed = 1, OutputDirectory = export });
        var report = await PipelineRunner.RunAsync(new PipelineOptions { Source = export, DataDir = DataDir, Demo = true });
        Assert.True(report.Status == RunStatus.Succeeded, $"pipeline {report.Status}: {report.Error}");
        OpenDataPublisher.Publish(DataDir, Path.Combine(DataDir, "opendata"));

        BaseUrl = $"http://127.0.0.1:{AppProcess.FreePort()}";
        _app = AppProcess.Start(AppProcess.DashboardsDll(), DataDir, BaseUrl, LogPath);
        // Generous: the first public request of a snapshot waits for its disclosure control (minutes on a saturated CI box).
        await AppProcess.WaitUntilServingAsync(_app, BaseUrl, LogPath, seconds: 300);
        Harvest = await PublicHarvest.PullAsync(this, pages: true);
    }

    public async Task<string> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(BaseUrl + pathAndQuery);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pathAndQuery}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task DisposeAsync()
    {
        ChildProcess.Stop(_app);
        Http.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
