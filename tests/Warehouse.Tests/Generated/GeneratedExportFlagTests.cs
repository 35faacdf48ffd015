using System.Text.Json;
using DuckDB.NET.Data;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Warehouse.Support;
using Monitoring.DataDir.Snapshots;
using Xunit.Abstractions;

namespace Monitoring.Tests.Warehouse.Generated;

/// <summary>
/// End to end on the generator's tiny preset: the ATS the generator made slow or understaffed
/// (listed in &lt;export&gt;.truth.json) must be flagged, and the very small noisy ATS must not be
/// at alarm — the funnel's job is exactly to tell chance from performance.
/// </summary>
public sealed class GeneratedExportFlagTests(ITestOutputHelper output)
{
    [Fact]
    public void Slow_and_understaffed_ats_are_flagged_and_the_noisy_one_is_not_at_alarm()
    {
        using var dir = new TempDir();
        var summary = ExportGenerator.Generate(new GeneratorOptions
        {
            Preset = GeneratorPreset.Tiny, Seed = 7, OutputDirectory = Path.Combine(dir.Root, "export"),
        });
        var report = PipelineRunner.Run(new PipelineOptions { Source = summary.ExportDirectory, DataDir = Path.Combine(dir.Root, "data"), Demo = true });
        var connectionString = new SnapshotStore(Path.Combine(dir.Root, "data")).CurrentConnectionString();
        Assert.True(connectionString is not null, $"pipeline did not publish: {report.Status} {report.Error}");

        using var truthDoc = JsonDocument.Parse(File.ReadAllText(summary.TruthPath));
        var truth = truthDoc.RootElement;
        string[] Codes(string name) => truth.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
        var slow = Codes("slow_ats");
        var understaffed = Codes("understaffed_ats");
        var noisy = Codes("noisy_ats");
        Assert.NotEmpty(slow);
        Assert.NotEmpty(understaffed);
        Assert.NotEmpty(noisy);
        output.WriteLine($"slow {string.Join(",", slow)}; understaffed {string.Join(",", understaffed)}; noisy {string.Join(",", noisy)}");

        using var c = new DuckDBConnection(connectionString);
        c.Open();
        foreach (var row in Db.Rows(c, """
                     select ats_code, indicator_id, severity, count(*) from flags where severity <> 'none'
                     group by all order by 1, 2, 3
                     """))
            output.WriteLine(string.Join(" ", row));

        foreach (var ats in slow)
            Assert.True(Db.Count(c, $"""
                select count(*) from flags where ats_code = '{ats}' and severity <> 'none'
                  and indicator_id in ('convocation_within_30_days', 'plan_within_90_days')
                """) > 0, $"slow ATS {ats} not flagged on timeliness");
        foreach (var ats in understaffed)
            Assert.True(Db.Count(c, $"""
                select count(*) from flags where ats_code = '{ats}' and severity <> 'none'
                  and indicator_id = 'open_cases_per_case_manager'
                """) > 0, $"understaffed ATS {ats} not flagged on workload");
        foreach (var ats in noisy)
            Assert.Equal(0L, Db.Count(c, $"select count(*) from flags where ats_code = '{ats}' and severity = 'alarm'"));

        // the CLI's exporters work on the read-only connection of the snapshot in service
        var indicatorsCsv = Path.Combine(dir.Root, "out", "indicators.csv");
        var flagsCsv = Path.Combine(dir.Root, "out", "flags.csv");
        Monitoring.Warehouse.Indicators.IndicatorCsv.Write(c, indicatorsCsv);
        Monitoring.Warehouse.Flags.FlagCsv.Write(c, flagsCsv);
        Assert.Equal(1 + Db.Count(c, "select count(*) from indicator_values") + Db.Count(c, "select count(*) from indicator_member_values"),
            File.ReadLines(indicatorsCsv).Count());
        Assert.Equal(1 + Db.Count(c, "select count(*) from flags where severity <> 'none'"), File.ReadLines(flagsCsv).Count());
    }
}
