using System.Text.Json;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>
/// A full export and a delta go through the same stages in the same order, as the operator reads them in the run
/// reports under DATA_DIR/runs: the warehouse is loaded before the lake is written from it in both (docs/ARCHITECTURE.md, "The flow").
/// </summary>
public class StageOrderTests
{
    /// <summary>The flow as documented, written out here rather than taken from the code under test.</summary>
    static readonly string[] Documented =
        ["verify", "read", "pseudonymize", "validate", "stage", "warehouse_load", "lake", "star_schema", "indicators", "flags", "publish", "episodes", "total"];

    [Fact]
    public void A_full_run_and_a_delta_report_the_same_stages_in_the_same_order()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var full = PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true });
        Assert.True(full.Status == RunStatus.Succeeded, full.Error);

        // A delta carrying one file: the lake links the tables it does not carry, the models rebuild only part.
        var delta = FixtureExport.Valid();
        delta.Kind = "delta";
        delta.ExportId = "fixture-2026-11-02T02-00";
        foreach (var f in delta.Files.Keys.Where(f => f != "cases.csv").ToList()) delta.Files.Remove(f);
        delta["cases.csv"].Records.Clear();
        delta["cases.csv"].Records.Add("C-000005;H-000006;ATS-01-001;OP-0001;2026-10-01;;;");
        var deltaReport = PipelineRunner.Run(new PipelineOptions { Source = delta.Write(tmp["delta"]), DataDir = data, Demo = true });
        Assert.True(deltaReport.Status == RunStatus.Succeeded, deltaReport.Error);

        var fullStages = StagesInReportFile(data, full.RunId);
        var deltaStages = StagesInReportFile(data, deltaReport.RunId);
        Assert.Equal(Documented, fullStages);
        Assert.Equal(Documented, deltaStages);
        Assert.True(deltaReport.PartialRebuild, "the delta rebuilt only downstream of cases");
    }

    [Fact]
    public void A_refused_run_reports_the_stages_it_went_through_in_the_same_order()
    {
        using var tmp = new TempDir();
        // The manifest announces a row more than households.csv holds: refused after reading, before validation.
        var x = FixtureExport.Valid();
        x["households.csv"].ManifestRows = x["households.csv"].Records.Count + 1;
        var data = tmp["data"];
        var report = PipelineRunner.Run(new PipelineOptions { Source = x.Write(tmp["export"]), DataDir = data, Demo = true });

        Assert.Equal(RunStatus.Refused, report.Status);
        var stages = StagesInReportFile(data, report.RunId);
        Assert.Equal(["verify", "read", "total"], stages);
        using var json = JsonDocument.Parse(File.ReadAllText(new DataDirectory(data).RunReport(report.RunId)));
        Assert.Equal("refused", json.RootElement.GetProperty("status").GetString());
    }

    static string[] StagesInReportFile(string data, string runId)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(new DataDirectory(data).RunReport(runId)));
        return json.RootElement.GetProperty("stages").EnumerateObject().Select(p => p.Name).ToArray();
    }
}
