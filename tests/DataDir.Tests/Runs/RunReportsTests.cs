using System.Text.Json;
using Monitoring.DataDir.Runs;

namespace Monitoring.Tests.DataDir.Runs;

/// <summary>
/// The run report: one type, written by the pipeline and read by the scheduler and the operations page. Reports are
/// written here as JSON text by hand, in the shape README.md documents, so the reader is checked against the format and
/// not against itself.
/// </summary>
public class RunReportsTests
{
    static void Write(TempDir tmp, string runId, string json)
    {
        Directory.CreateDirectory(tmp["runs"]);
        File.WriteAllText(Path.Combine(tmp["runs"], runId + ".json"), json);
    }

    const string Loaded = """
        { "run_id": "20261101T020000Z-a1b2c3", "export_id": "gepi-1", "status": "succeeded", "kind": "full",
          "started_at": "2026-11-01T02:00:00+00:00", "finished_at": "2026-11-01T02:01:30+00:00", "error": null,
          "files": { "households.csv": { "read": 10, "loaded": 8, "quarantined": 2, "reasons": { "bad_date": 2 }, "unknown_columns": ["x"] },
                     "persons.csv": { "read": 5, "loaded": 5, "quarantined": 0, "reasons": {} } },
          "stages": { "read": 1.5 }, "warnings": [], "partial_rebuild": false }
        """;

    [Fact]
    public void A_report_reads_back_with_its_files_and_totals()
    {
        using var tmp = new TempDir();
        Write(tmp, "20261101T020000Z-a1b2c3", Loaded);

        var r = RunReports.Find(tmp.Root, "20261101T020000Z-a1b2c3")!;
        Assert.Equal(("gepi-1", RunStatus.Succeeded, "full"), (r.ExportId, r.Status, r.Kind));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 1, 30, TimeSpan.Zero), r.FinishedAt);
        Assert.Equal(["households.csv", "persons.csv"], r.Files.Keys);
        Assert.Equal(2, r.Files["households.csv"].Reasons["bad_date"]);
        Assert.Equal(["x"], r.Files["households.csv"].UnknownColumns);
        Assert.Equal((15L, 13L, 2L), (r.RowsRead, r.RowsLoaded, r.RowsQuarantined));
    }

    [Fact]
    public void Newest_first_ignores_foreign_files_and_a_damaged_report_is_unreadable_not_an_error()
    {
        using var tmp = new TempDir();
        Write(tmp, "20261101T020000Z-a1b2c3", Loaded);
        Write(tmp, "20261102T020000Z-d4e5f6", Loaded.Replace("\"files\"", "\"files\"\0")); // one bad byte
        Write(tmp, "20261103T020000Z-0a0b0c", Loaded[..40]);                                 // cut short while written
        Write(tmp, "notes", "{}");
        File.WriteAllText(Path.Combine(tmp["runs"], "20261104T020000Z-0d0e0f.txt"), "x");

        var all = RunReports.Newest(tmp.Root, 10);
        Assert.Equal(["20261103T020000Z-0a0b0c", "20261102T020000Z-d4e5f6", "20261101T020000Z-a1b2c3"], all.Select(r => r.RunId));
        Assert.Equal([RunReports.Unreadable, RunReports.Unreadable, RunStatus.Succeeded], all.Select(r => r.Status));
        Assert.All(all.Take(2), r => Assert.Equal("the report file could not be read", r.Error));
        Assert.Single(RunReports.Newest(tmp.Root, 1));
        Assert.Empty(RunReports.Newest(tmp["nowhere"], 5));
    }

    [Fact]
    public void Started_since_keeps_every_run_from_that_second_on_however_many_and_no_earlier_one()
    {
        using var tmp = new TempDir();
        // 40 runs a day apart (more than the operations page's 30), named as the pipeline names them: start time first.
        var first = new DateTime(2026, 9, 1, 2, 30, 0, DateTimeKind.Utc);
        foreach (var id in Enumerable.Range(0, 40).Select(i => $"{first.AddDays(i):yyyyMMdd'T'HHmmss'Z'}-{i:x6}"))
            Write(tmp, id, Loaded.Replace("20261101T020000Z-a1b2c3", id));

        var since = first.AddDays(5); // the sixth run started at exactly this second: it counts
        var inWindow = RunReports.StartedSince(tmp.Root, since);
        Assert.Equal(35, inWindow.Count);
        Assert.Equal("20261010T023000Z-000027", inWindow[0].RunId);  // newest first
        Assert.Equal("20260906T023000Z-000005", inWindow[^1].RunId);
        Assert.Empty(RunReports.StartedSince(tmp.Root, first.AddDays(40)));
        Assert.Empty(RunReports.StartedSince(tmp["nowhere"], since));
    }

    [Fact]
    public void A_run_id_from_a_url_must_look_like_one()
    {
        using var tmp = new TempDir();
        Write(tmp, "20261101T020000Z-a1b2c3", Loaded);
        Assert.Null(RunReports.Find(tmp.Root, "../runs/20261101T020000Z-a1b2c3"));
        Assert.Null(RunReports.Find(tmp.Root, "20261101T020000Z-a1b2c4"));
    }

    [Fact]
    public void A_report_without_a_run_id_takes_its_file_name_and_only_succeeded_runs_count_as_loaded()
    {
        using var tmp = new TempDir();
        Write(tmp, "20261101T020000Z-a1b2c3", """{ "export_id": "gepi-1", "status": "refused" }""");
        Write(tmp, "20261102T020000Z-a1b2c3", """{ "export_id": "gepi-1", "status": "succeeded" }""");
        Assert.Equal("20261101T020000Z-a1b2c3", RunReports.Find(tmp.Root, "20261101T020000Z-a1b2c3")!.RunId);
        Assert.Equal("20261102T020000Z-a1b2c3", LoadedExports.FindSucceededRun(tmp.Root, "gepi-1"));
        Assert.Null(LoadedExports.FindSucceededRun(tmp.Root, "gepi-2"));
    }

    [Fact]
    public void What_the_writer_serializes_is_what_the_readers_get()
    {
        using var tmp = new TempDir();
        var written = new RunReport { RunId = "20261101T020000Z-a1b2c3", ExportId = "gepi-1", Status = RunStatus.Failed, Error = "cancelled" };
        written.Files["cases.csv"] = new FileCounts { Read = 3, Quarantined = 3, Reasons = { ["run_failed"] = 3 } };
        Write(tmp, written.RunId, JsonSerializer.Serialize(written, ReportJson.Options));

        var json = File.ReadAllText(Path.Combine(tmp["runs"], written.RunId + ".json"));
        Assert.Contains("\"run_id\": \"20261101T020000Z-a1b2c3\"", json);
        Assert.DoesNotContain("RowsRead", json); // totals are computed by readers, never written

        var read = RunReports.Find(tmp.Root, written.RunId)!;
        Assert.Equal((RunStatus.Failed, "cancelled", 3L), (read.Status, read.Error, read.Files["cases.csv"].Reasons["run_failed"]));
    }
}
