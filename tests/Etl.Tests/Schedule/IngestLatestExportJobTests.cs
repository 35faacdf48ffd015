using System.IO.Compression;
using Monitoring.Etl.Schedule;

namespace Monitoring.Tests.Etl.Schedule;

public class IngestLatestExportJobTests
{
    private static JobDefinition Ingest(string drop) => new()
    {
        Name = "ingest", Type = JobTypes.IngestLatestExport, Settings = new JobSettings { DropFolder = drop },
    };

    private static void WriteRunReport(TempDataDir dir, string runId, string exportId, string status)
    {
        Directory.CreateDirectory(Path.Combine(dir.Data, "runs"));
        File.WriteAllText(Path.Combine(dir.Data, "runs", runId + ".json"),
            $$"""{ "run_id": "{{runId}}", "export_id": "{{exportId}}", "status": "{{status}}", "started_at": "2026-11-01T02:00:00Z" }""");
    }

    [Fact]
    public void The_newest_export_is_chosen_by_its_manifest_whether_folder_or_zip()
    {
        using var dir = new TempDataDir();
        dir.DropExport("zzz-old-name-sorts-last", "gepi-2026-10-01T02-00", "2026-10-01T02:00:00Z");
        // A zip whose manifest sits inside its single top folder.
        var zipPath = Path.Combine(dir.Drop, "aaa.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("gepi-2026-11-01T02-00/manifest.json").Open()))
            writer.Write(TempDataDir.Manifest("gepi-2026-11-01T02-00", "2026-11-01T02:00:00Z"));
        // Still being copied: ignored though it is the newest.
        dir.DropExport("gepi-3.partial", "gepi-2026-12-01T02-00", "2026-12-01T02:00:00Z");

        var newest = ExportDropFolder.FindNewest(dir.Drop);

        Assert.NotNull(newest);
        Assert.Equal((zipPath, "gepi-2026-11-01T02-00"), (newest.Path, newest.ExportId));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), newest.ExtractedAt);
    }

    [Fact]
    public async Task An_export_already_loaded_by_a_succeeded_run_is_skipped_by_its_id()
    {
        using var dir = new TempDataDir();
        dir.DropExport("export", "gepi-2026-11-01T02-00", "2026-11-01T02:00:00Z");
        WriteRunReport(dir, "20261101T021500Z-0a0b0c", "gepi-2026-11-01T02-00", "succeeded");

        var record = await new JobExecutor([new IngestLatestExportJob()]).RunAsync(Ingest(dir.Drop), dir.Data, "manual", 1, default);

        Assert.Equal(("skipped", "gepi-2026-11-01T02-00"), (record.Status, record.ExportId));
        Assert.Equal("export gepi-2026-11-01T02-00 already loaded by run 20261101T021500Z-0a0b0c", record.Message);
    }

    [Fact]
    public async Task A_refused_run_of_the_same_export_does_not_count_as_loaded()
    {
        using var dir = new TempDataDir();
        dir.DropExport("export", "gepi-2026-11-01T02-00", "2026-11-01T02:00:00Z"); // manifest only: the pipeline cannot load it
        WriteRunReport(dir, "20261101T021500Z-0a0b0c", "gepi-2026-11-01T02-00", "refused");

        var record = await new JobExecutor([new IngestLatestExportJob()]).RunAsync(Ingest(dir.Drop), dir.Data, "manual", 1, default);

        // It went to the pipeline again (and failed there), rather than being skipped.
        Assert.Equal(("failed", "gepi-2026-11-01T02-00"), (record.Status, record.ExportId));
        Assert.DoesNotContain("already loaded", record.Message);
        Assert.False(File.Exists(Path.Combine(dir.Data, "CURRENT")));
    }

    [Fact]
    public async Task An_empty_drop_folder_is_a_skip_and_a_missing_one_a_failure()
    {
        using var dir = new TempDataDir();
        var executor = new JobExecutor([new IngestLatestExportJob()]);

        var empty = await executor.RunAsync(Ingest(dir.Drop), dir.Data, "manual", 1, default);
        Assert.Equal(("skipped", $"no export in {dir.Drop}"), (empty.Status, empty.Message));

        var missing = await executor.RunAsync(Ingest(Path.Combine(dir.Root, "nowhere")), dir.Data, "manual", 1, default);
        Assert.Equal(("failed", $"drop folder {Path.Combine(dir.Root, "nowhere")} does not exist"), (missing.Status, missing.Message));
    }
}
