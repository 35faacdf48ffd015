using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>
/// Duplicate keys are found whatever the order of the file (validation first tests whether a file is in key order,
/// which proves its keys distinct, and only otherwise sorts the key hashes: etl/Validate/DuplicateKeyCandidates.cs).
/// One real export through the real `etl run`.
/// </summary>
public class DuplicateKeyTests
{
    [Fact]
    public void Duplicates_far_apart_are_quarantined_with_both_lines_and_a_file_out_of_key_order_without_any_loads_whole()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        // payments.csv (key household_id + period) is written in key order; its first and second records get a
        // second row at the file's end: the first with another amount (duplicate_key, both quarantined), the second
        // byte for byte (duplicate_row: the copy only).
        var first = x["payments.csv"].Records[0];
        var second = x["payments.csv"].Records[1];
        Assert.Equal("H-000001;2026-01;500.00;2026-01-27", first);
        var otherAmount = x.Add("payments.csv", "H-000001;2026-01;999.00;2026-01-27");
        var copy = x.Add("payments.csv", second);
        // case_events.csv gets an event whose id sorts before every other one, at its end: out of key order, no duplicate.
        x.Add("case_events.csv", "E-0000000;C-000004;convocation;2026-09-10;OP-0004;;");
        var run = CliRun.Of(x.Write(tmp["export"]), tmp["data"], ["--max-quarantined", "20%"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal((22L, 19L, 3L), run.Counts("payments.csv"));
        Assert.Equal((11L, 11L, 0L), run.Counts("case_events.csv"));
        var runId = run.Report!.Value.GetProperty("run_id").GetString()!;
        using var db = Duck.Memory();
        var quarantined = db.Rows($"SELECT line, \"column\", reason FROM {Duck.ReadCsv(Path.Combine(new DataDirectory(tmp["data"]).Quarantine(runId), "payments.csv"))} ORDER BY line::INTEGER");
        // Line 1 is the header: the first record is line 2.
        Assert.Equal(
        [
            "2|household_id|duplicate_key",
            $"{otherAmount}|household_id|duplicate_key",
            $"{copy}|household_id|duplicate_row",
        ], quarantined.Select(r => string.Join("|", r)));
        using var wh = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        // H-000001's January is gone (both of its rows), its February loaded once.
        Assert.Equal(7, wh.Count("SELECT count(*) FROM stg_payments WHERE amount_eur = 500.00"));
        Assert.Equal(11, wh.Count("SELECT count(*) FROM stg_case_events"));
    }

    /// <summary>
    /// A second row for the first record's key written right after it: the rest of the file is in key order, so only
    /// the key-order test's "strictly greater" stands between this file and "all keys distinct".
    /// </summary>
    [Fact]
    public void A_duplicate_next_to_its_original_in_a_file_otherwise_in_key_order_is_quarantined()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        var records = x["payments.csv"].Records;
        Assert.Equal("H-000001;2026-01;500.00;2026-01-27", records[0]);
        records.Insert(1, "H-000001;2026-01;999.00;2026-01-27");
        var run = CliRun.Of(x.Write(tmp["export"]), tmp["data"], ["--max-quarantined", "20%"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal((21L, 19L, 2L), run.Counts("payments.csv"));
        var runId = run.Report!.Value.GetProperty("run_id").GetString()!;
        using var db = Duck.Memory();
        var quarantined = db.Rows($"SELECT line, reason FROM {Duck.ReadCsv(Path.Combine(new DataDirectory(tmp["data"]).Quarantine(runId), "payments.csv"))} ORDER BY line::INTEGER");
        // Line 1 is the header: the original is line 2, its duplicate line 3.
        Assert.Equal(["2|duplicate_key", "3|duplicate_key"], quarantined.Select(r => string.Join("|", r)));
    }
}
