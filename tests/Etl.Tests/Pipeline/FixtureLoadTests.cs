using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir.Snapshots;
using Xunit.Abstractions;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The hand-written fixture loads whole: every count below was counted by hand in FixtureExport.</summary>
public class FixtureLoadTests(ITestOutputHelper output)
{
    [Fact]
    public void The_valid_fixture_loads_with_exact_counts_per_staging_table()
    {
        using var tmp = new TempDir();
        var export = FixtureExport.Valid().Write(tmp["export"]);

        var report = PipelineRunner.Run(new PipelineOptions { Source = export, DataDir = tmp["data"], Demo = true });

        Assert.True(report.Status == RunStatus.Succeeded, report.Error);
        output.WriteLine(string.Join("  ", report.StageSeconds.Select(kv => $"{kv.Key} {kv.Value:0.00}s")));
        foreach (var (file, rows) in FixtureExport.ValidRows)
            Assert.Equal((file, (long)rows, (long)rows, 0L), (file, report.Files[file].Read, report.Files[file].Loaded, report.Files[file].Quarantined));
        using var wh = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        var expected = new Dictionary<string, long>
        {
            ["stg_ambiti"] = 2, ["stg_ambito_comuni"] = 4, ["stg_operators"] = 5, ["stg_households"] = 6,
            ["stg_persons"] = 12, ["stg_cases"] = 4, ["stg_case_events"] = 10, ["stg_referrals"] = 3,
            ["stg_payments"] = 20, ["stg_budget"] = 3,
        };
        foreach (var (table, n) in expected)
            Assert.Equal((table, n), (table, wh.Count($"SELECT count(*) FROM {table}")));
        // Hand-counted slices: 3 payments in May 2026 (H-000001, -002, -004); 3 events in February 2025.
        Assert.Equal(3, wh.Count("SELECT count(*) FROM stg_payments WHERE period = '2026-05'"));
        Assert.Equal(3, wh.Count("SELECT count(*) FROM stg_case_events WHERE month = '2025-02'"));
        Assert.Equal(6, wh.Count("SELECT count(DISTINCT household_key) FROM stg_persons"));
        // Open cases with a case manager: C-000001 and C-000002 (C-000003 is closed, C-000004 unassigned).
        Assert.Equal(2, wh.Count("SELECT count(*) FROM stg_cases WHERE case_manager_key IS NOT NULL AND closed_date IS NULL"));
    }
}
