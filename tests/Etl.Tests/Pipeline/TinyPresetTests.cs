using Monitoring.Etl.Pipeline;
using System.Text.Json;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The tiny preset loads whole: counts checked against the manifest and against DuckDB's own count of the CSV rows.</summary>
[Collection(PipelineRunsCollection.Name)]
public class TinyPresetTests(TinyRun run)
{
    [Fact]
    public void Every_file_loads_all_its_rows_and_the_warehouse_holds_them()
    {
        Assert.True(run.Report.Status == RunStatus.Succeeded, run.Report.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Export, "manifest.json")));
        using var csv = Duck.Memory();
        using var wh = Duck.ReadOnly(run.Warehouse);
        var files = manifest.RootElement.GetProperty("files");
        Assert.Equal(10, files.EnumerateObject().Count());
        foreach (var entry in files.EnumerateObject())
        {
            var file = entry.Name;
            var announced = entry.Value.GetProperty("rows").GetInt64();
            var counted = csv.Count($"SELECT count(*) FROM {Duck.ReadCsv(Path.Combine(run.Export, file))}");
            var counts = run.Report.Files[file];
            Assert.Equal((file, announced), (file, counted));
            Assert.Equal((file, counted, counted, 0L), (file, counts.Read, counts.Loaded, counts.Quarantined));
            Assert.Equal((file, counted), (file, wh.Count($"SELECT count(*) FROM stg_{file[..^4]}")));
            Assert.Equal((file, counted), (file, wh.Count($"SELECT loaded FROM load_report WHERE file = '{file}'")));
        }
    }

    [Fact]
    public void Run_meta_names_the_export_and_its_reference_date()
    {
        using var wh = Duck.ReadOnly(run.Warehouse);
        var meta = Assert.Single(wh.Rows("SELECT run_id, export_id, kind, CAST(reference_date AS VARCHAR), last_month FROM run_meta"));
        Assert.Equal([run.Report.RunId, "gepi-2026-11-01T02-00", "full", "2026-10-31", "2026-10"], meta);
    }
}
