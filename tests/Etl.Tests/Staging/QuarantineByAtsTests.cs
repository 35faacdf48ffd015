using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Staging;

/// <summary>The quarantine rate per ATS (dq_quarantine_rate) on the hand-written fixture with one bad case in ATS-01-002.</summary>
public sealed class QuarantineByAtsTests
{
    [Fact]
    public void Every_row_is_placed_in_its_ats_and_the_rate_is_quarantined_over_read()
    {
        using var tmp = new TempDir();
        var export = FixtureExport.Valid();
        export.Add("cases.csv", "C-000005;H-000005;ATS-01-002;OP-0004;2025-13-01;;;");   // impossible date: quarantined
        // One bad case of a handful is far above the 5% publish guard: this test is about counting, so the guard is off.
        var report = PipelineRunner.Run(new PipelineOptions { Source = export.Write(tmp["export"]), DataDir = tmp["data"], Guard = new PublishGuard(1, 1, false) });
        Assert.Equal(RunStatus.Succeeded, report.Status);
        using var db = Duck.ReadOnly(Path.Combine(tmp["data"], "snapshots", report.RunId, "warehouse.duckdb"));
        // ATS-01-001: ambiti 1, memberships 2, operators 3, cases 2, events 6 (C1 4, C2 2), referrals 2, households 3
        // (H1, H2, H6 in 001001/001002), persons 6, payments 14 (H1 8, H2 6), budget 2 = 41.
        // ATS-01-002: 1 + 2 + 2 + 3 cases (one bad) + 4 events + 1 referral + 3 households + 6 persons + 6 payments + 1 budget = 29.
        Assert.Equal([["ATS-01-001", "41", "0"], ["ATS-01-002", "29", "1"]],
            db.Rows("select ats_code, \"read\", quarantined from quarantine_by_ats order by 1"));
        Assert.Equal(["0", "41", "1", "29", "1", "70"],
            db.Rows("""
                select numerator, denominator from indicator_values
                where indicator_id = 'dq_quarantine_rate' and month = '2026-10' and territory_code in ('ATS-01-001', 'ATS-01-002', 'IT')
                order by territory_code
                """).SelectMany(r => r).Select(v => v!).ToArray());
    }
}
