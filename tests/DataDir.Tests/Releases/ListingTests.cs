using Monitoring.DataDir;
using Monitoring.DataDir.Releases;

namespace Monitoring.Tests.DataDir.Releases;

/// <summary>
/// The open-data releases and research extracts offered for download, listed from folders written here by hand as the
/// publisher and the extractor write them: only complete folders, with the files they hold, and nothing outside them.
/// </summary>
public class ListingTests
{
    [Fact]
    public void Releases_are_complete_folders_newest_first_with_the_latest_flagged()
    {
        using var tmp = new TempDir();
        var outDir = new DataDirectory(tmp.Root).OpenDataDir;
        foreach (var (id, run) in new[] { ("2026-09-30_r20261001T020000Z-aaaaaa", "20261001T020000Z-aaaaaa"), ("2026-10-31_r20261101T020000Z-bbbbbb", "20261101T020000Z-bbbbbb") })
        {
            Directory.CreateDirectory(Path.Combine(outDir, id));
            File.WriteAllText(Path.Combine(outDir, id, "release.json"), $$"""{ "run_id": "{{run}}", "reference_date": "{{id[..10]}}", "issued": "2026-11-01T03:00:00Z" }""");
            File.WriteAllText(Path.Combine(outDir, id, "indicators.csv"), "a;b\n");
        }
        Directory.CreateDirectory(Path.Combine(outDir, ".building-2026-11-30_rX")); // half written: no release.json
        File.WriteAllText(Path.Combine(outDir, "latest.json"), """{ "release": "2026-09-30_r20261001T020000Z-aaaaaa" }""");

        var list = OpenDataReleases.List(outDir);
        Assert.Equal(["2026-10-31_r20261101T020000Z-bbbbbb", "2026-09-30_r20261001T020000Z-aaaaaa"], list.Select(r => r.Id));
        Assert.Equal([false, true], list.Select(r => r.IsLatest));
        Assert.Equal(Path.Combine(outDir, list[0].Id), list[0].Folder);
        Assert.Equal([("indicators.csv", 4L, "text/csv"), ("release.json", new FileInfo(Path.Combine(outDir, list[0].Id, "release.json")).Length, "application/json")],
            list[0].Files.Select(f => (f.Name, f.Bytes, f.MediaType)));
        Assert.Empty(OpenDataReleases.List(tmp["nowhere"]));
    }

    [Fact]
    public void Extracts_are_folders_of_DATA_DIR_research_holding_their_report()
    {
        using var tmp = new TempDir();
        var research = new DataDirectory(tmp.Root).ResearchDir;
        var done = Directory.CreateDirectory(Path.Combine(research, "proj_r20261101T020000Z-bbbbbb")).FullName;
        File.WriteAllText(Path.Combine(done, "extract-report.json"), """{ "project": "proj", "run_id": "20261101T020000Z-bbbbbb", "reference_date": "2026-10-31", "k": 5, "achieved_k": 7 }""");
        File.WriteAllText(Path.Combine(done, "households.parquet"), "PAR1");
        Directory.CreateDirectory(Path.Combine(research, "other_r20261101T020000Z-cccccc")); // no report yet
        Directory.CreateDirectory(Path.Combine(research, ".building-proj-1"));

        var e = Assert.Single(ResearchExtracts.List(tmp.Root));
        Assert.Equal(("proj_r20261101T020000Z-bbbbbb", done, "proj", 5, (long?)7), (e.Id, e.Folder, e.Project, e.K, e.AchievedK));
        Assert.Equal(["extract-report.json", "households.parquet"], e.Files.Select(f => f.Name));
        Assert.Equal("application/vnd.apache.parquet", e.Files[1].MediaType);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../CURRENT")]
    [InlineData(".writer.lock")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_name_from_a_url_never_leaves_its_folder(string name)
    {
        using var tmp = new TempDir();
        Assert.False(SafeName.IsValid(name));
        Assert.Null(SafeName.Inside(tmp.Root, name));
    }
}
