using Microsoft.Playwright;
using Monitoring.Dashboards.Downloads;
using Monitoring.Etl.OpenData;
using Monitoring.DataDir.Releases;

namespace Monitoring.Tests.Dashboards.Downloads;

/// <summary>
/// Issue 6 on the real app: open-data releases made by the real publisher (two snapshots → two releases) linked from
/// the public page and served read-only; research extracts made by the real extractor, for the ministry only.
/// </summary>
[Collection("app")]
public sealed class DownloadsTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private string OpenDataDir => Path.Combine(app.DataDir, "opendata");

    [Fact]
    public async Task Public_page_links_the_current_open_data_release_and_lists_earlier_ones()
    {
        var earlier = PublishCurrentOrExisting();
        await app.RunPipelineAsync();
        var current = PublishCurrent();
        var currentId = Path.GetFileName(current);
        var earlierId = Path.GetFileName(earlier);
        Assert.NotEqual(currentId, earlierId);

        var page = await app.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/public"))!.Status);
        var section = page.Locator("#opendata");
        Assert.Equal("Dati aperti", (await section.Locator("h2").InnerTextAsync()).Trim());
        Assert.Equal(currentId, await section.Locator(".release-id").InnerTextAsync());
        // Every file of the release folder is linked, among them CSV, Parquet, datapackage.json, dcat.jsonld and the dictionary.
        var onDisk = Directory.GetFiles(current).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        var linked = await section.Locator($"ul.opendata-files[data-release='{currentId}'] a").AllInnerTextsAsync();
        Assert.Equal(onDisk, linked.Order(StringComparer.Ordinal).ToList());
        Assert.Superset(new HashSet<string> { "indicators.csv", "indicators.parquet", "datapackage.json", "dcat.jsonld", "dictionary.md", "dictionary.csv" }, onDisk.ToHashSet());
        Assert.Equal(1, await section.Locator($".opendata-earlier li[data-release='{earlierId}']").CountAsync());
        await DashboardsApp.ScreenshotAsync(page, "public-opendata");

        // A click downloads the very bytes the publisher wrote; an earlier release stays downloadable.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            section.Locator($"ul.opendata-files[data-release='{currentId}'] a", new() { HasTextString = "indicators.csv" }).ClickAsync());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(current, "indicators.csv")), await File.ReadAllBytesAsync((await download.PathAsync())!));
        var parquet = await page.APIRequest.GetAsync($"/opendata/{earlierId}/indicators.parquet");
        Assert.Equal(200, parquet.Status);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(earlier, "indicators.parquet")), await parquet.BodyAsync());

        // English label.
        await page.GotoAsync("/public?lang=en");
        Assert.Equal("Open data", (await page.Locator("#opendata h2").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Open_data_endpoint_refuses_path_traversal_and_serves_only_listed_files()
    {
        var release = Path.GetFileName(PublishCurrentOrExisting());
        // Something worth stealing next to the releases: the follow-up register's folder, CURRENT, a key-like file.
        await File.WriteAllTextAsync(Path.Combine(app.DataDir, "secret.txt"), "not for download");
        var api = (await app.NewPageAsync()).APIRequest;
        var refused = new[]
        {
            $"/opendata/{release}/..%2F..%2FCURRENT",
            $"/opendata/{release}/..%2F..%2Fsecret.txt",
            $"/opendata/{release}/..%5C..%5Csecret.txt",
            "/opendata/..%2F..%2F/secret.txt",
            "/opendata/..%2Fresearch/extract-report.json",
            $"/opendata/{release}/.hidden",
            "/opendata/.building-x/release.json",
        };
        foreach (var url in refused)
        {
            var r = await api.GetAsync(url);
            Assert.True(r.Status is 400 or 404, $"{url} answered {r.Status}");
            Assert.DoesNotContain("not for download", await r.TextAsync());
        }
        Assert.Equal(404, (await api.GetAsync($"/opendata/{release}/nope.csv")).Status);
        Assert.Equal(404, (await api.GetAsync("/opendata/1999-01-01_r19990101T000000Z-000000/indicators.csv")).Status);
        var ok = await api.GetAsync($"/opendata/{release}/datapackage.json");
        Assert.Equal(200, ok.Status);
        Assert.StartsWith("application/json", ok.Headers["content-type"]);
        // Read-only: nothing but GET.
        Assert.True((await api.PostAsync($"/opendata/{release}/datapackage.json")).Status is 400 or 405 or 404);
    }

    [Theory]
    [InlineData("indicators.csv", true)]
    [InlineData("2026-10-31_r20261101T020000Z-a1b2c3", true)]
    [InlineData("..", false)]
    [InlineData("../CURRENT", false)]
    [InlineData("..\\CURRENT", false)]
    [InlineData("a/b", false)]
    [InlineData(".building-x", false)]
    [InlineData("x..y", false)]
    [InlineData("", false)]
    [InlineData("/etc/passwd", false)]
    public void Only_plain_file_names_are_accepted(string name, bool ok) => Assert.Equal(ok, SafeName.IsValid(name));

    [Fact]
    public async Task Ministry_lists_research_extracts_and_downloads_them()
    {
        var extract = ResearchFixture.EnsureExtract(app.DataDir);
        var id = Path.GetFileName(extract);
        var page = await app.SignedInAsync("ministry");
        Assert.Equal(200, (await page.GotoAsync("/ministry/research"))!.Status);
        await DashboardsApp.ScreenshotAsync(page, "ministry-research");
        var rows = page.Locator($".grid-table[data-panel='research-extracts'] tbody tr[data-key='{id}']");
        var files = Directory.GetFiles(extract).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, (await rows.Locator("td[data-col='file']").AllInnerTextsAsync()).ToList());
        Assert.Contains("households.parquet", files);
        Assert.Equal(ResearchFixture.Project, await rows.First.Locator("td[data-col='project']").InnerTextAsync());
        Assert.Contains("--project NAME --out DATA_DIR/research", await page.Locator("pre.command").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() =>
            rows.Locator("td[data-col='file'] a", new() { HasTextString = "households.parquet" }).ClickAsync());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(extract, "households.parquet")), await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains($"research extract download: role ministry extract {id} file households.parquet", app.AppLog());
        // Even the ministry gets nothing outside the extract folder.
        Assert.True((await page.APIRequest.GetAsync($"/research/{id}/..%2F..%2FCURRENT")).Status is 400 or 404);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/research/{id}/nope.parquet")).Status);
    }

    /// <summary>Publishes the snapshot in service; returns the release folder.</summary>
    private string PublishCurrent() => OpenDataPublisher.Publish(app.DataDir, OpenDataDir);

    /// <summary>The release of the snapshot in service: published now, or found if another test published it already.</summary>
    private string PublishCurrentOrExisting()
    {
        try { return PublishCurrent(); }
        catch (ReleaseExistsException)
        {
            var runId = File.ReadAllText(Path.Combine(app.DataDir, "CURRENT")).Trim();
            return Directory.GetDirectories(OpenDataDir).Single(d => d.EndsWith("_r" + runId, StringComparison.Ordinal));
        }
    }
}
