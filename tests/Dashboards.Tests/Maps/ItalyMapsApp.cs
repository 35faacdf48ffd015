using System.Net;
using Monitoring.Etl.OpenData;
using Monitoring.Tests.Dashboards.Disclosure;
using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Dashboards.Maps;

/// <summary>
/// The tiny-italy preset: every region and ATS with few households each, so disclosure control hides cells. Shared by
/// the maps (in the browser) and by the disclosure attack (over HTTP, as anyone can download): one pipeline and one
/// app for both, with the open-data release of its snapshot made by the real publisher before the app starts. Nothing
/// in this collection changes the DATA_DIR after that.
/// </summary>
public sealed class ItalyMapsApp() : PresetApp(GeneratorPreset.TinyItaly, "maps")
{
    // Generous: the first public request of a snapshot waits for its disclosure control (seconds; minutes on a saturated CI box).
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };
    private Task<PublicHarvest>? _harvest;

    protected override void AfterLoad(string dataDir) => OpenDataPublisher.Publish(dataDir, Path.Combine(dataDir, "opendata"));

    /// <summary>Every public table and the release, pulled once for the disclosure tests (on the first one's demand).</summary>
    public Task<PublicHarvest> HarvestAsync()
    {
        lock (Http) return _harvest ??= PublicHarvest.PullAsync(this, pages: true);
    }

    public async Task<string> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(BaseUrl + pathAndQuery);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pathAndQuery}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Http.Dispose();
    }
}
