using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>One bad value in one row of a real export, through the real `etl run`: the row is quarantined with its line, column and reason; the rest loads.</summary>
public class RowValueTests
{
    static List<string?[]> Quarantine(string dataDir, CliRun run, string file)
    {
        var runId = run.Report!.Value.GetProperty("run_id").GetString()!;
        using var db = Duck.Memory();
        return db.Rows($"SELECT line, \"column\", reason, value FROM {Duck.ReadCsv(Path.Combine(new DataDirectory(dataDir).Quarantine(runId), file))}");
    }

    [Fact]
    public void A_row_dated_year_0_is_quarantined_and_does_not_stretch_the_month_grid()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        var line = x.Add("households.csv", $"H-000109;{FixtureExport.PersonCf[0]};001001;;1;0;0;0;;ADI;0000-01-01;;;;applied");
        // One bad household of 7 (14%) is above the default 5%: the threshold is configured for this run.
        var run = CliRun.Of(x.Write(tmp["export"]), tmp["data"], ["--max-quarantined", "20%"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal((7L, 6L, 1L), run.Counts("households.csv"));
        var q = Assert.Single(Quarantine(tmp["data"], run, "households.csv"));
        Assert.Equal([line.ToString(), "application_date", "date_before_programme", "0000-01-01"], q);
        using var wh = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        // The earliest application of the valid fixture is 2024-12-01 (H-000004); the reference date 2026-10-31.
        Assert.Equal("2024-12", wh.Scalar("SELECT first_month FROM run_meta"));
        Assert.Equal(23, wh.Count("SELECT count(*) FROM dim_month"));
        Assert.Equal(0, wh.Count("SELECT count(*) FROM dim_date WHERE date < DATE '2018-01-01'"));
    }

    [Fact]
    public void An_amount_beyond_the_warehouse_column_is_quarantined_instead_of_failing_the_run()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        var line = x.Add("payments.csv", "H-000002;2026-09;12345678901234.00;2026-09-27");
        // 1 of 21 payments (4.8%) stays under the default 5%.
        var run = CliRun.Of(x.Write(tmp["export"]), tmp["data"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal((21L, 20L, 1L), run.Counts("payments.csv"));
        Assert.Equal([line.ToString(), "amount_eur", "amount_out_of_range", "12345678901234.00"], Assert.Single(Quarantine(tmp["data"], run, "payments.csv")));
        using var wh = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        // 8 × 500.00 + 6 × 320.50 + 6 × 410.00, as the fixture writes them.
        Assert.Equal(8 * 500.00m + 6 * 320.50m + 6 * 410.00m, Convert.ToDecimal(wh.Scalar("SELECT sum(amount_eur) FROM stg_payments")));
    }

    [Fact]
    public void One_crlf_line_in_an_lf_file_is_read_and_the_lines_after_it_keep_their_numbers()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        var payments = x["payments.csv"];
        var bad = x.Add("payments.csv", "H-000001;2026-10;-5.00;2026-10-27"); // negative: quarantined at its physical line
        // Records 1-21, LF line ends but one CR LF after the fifth record; a quoted note with CR LF in cases.csv.
        payments.RawText = payments.Header + "\n" + string.Concat(payments.Records.Select((r, i) => r + (i == 4 ? "\r\n" : "\n")));
        payments.ManifestRows = payments.Records.Count;
        x.Replace("cases.csv", "C-000002;", "C-000002;H-000002;ATS-01-001;OP-0002;2025-03-20;;;\"prima riga\r\nseconda riga\"");

        var run = CliRun.Of(x.Write(tmp["export"]), tmp["data"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal((21L, 20L, 1L), run.Counts("payments.csv"));
        Assert.Equal((4L, 4L, 0L), run.Counts("cases.csv"));
        var q = Assert.Single(Quarantine(tmp["data"], run, "payments.csv"));
        Assert.Equal([bad.ToString(), "amount_eur", "negative_amount", "-5.00"], q);
        // The normalized copy lived in the landing folder only.
        Assert.False(Directory.Exists(new DataDirectory(tmp["data"]).LandingDir) && Directory.EnumerateFileSystemEntries(new DataDirectory(tmp["data"]).LandingDir).Any());
    }

    [Fact]
    public void Header_names_differing_only_by_case_are_refused_with_line_and_columns()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        var households = x["households.csv"];
        households.Header += ";STATUS";
        for (var i = 0; i < households.Records.Count; i++) households.Records[i] += ";x";

        var run = CliRun.Of(x.Write(tmp["export"]), tmp["data"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("households.csv: line 1, column 16: column 'STATUS' differs only by case from column 15 'status'; column names must be unique ignoring case", run.Error);
        run.AssertNoStackTrace();

        // And a required column written in capitals is named with the hint.
        var upper = FixtureExport.Valid();
        upper["ambiti.csv"].Header = "ATS_CODE;ats_name;region_code";
        var missing = CliRun.Of(upper.Write(tmp["upper"]), tmp["data"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("ambiti.csv: line 1: required column ats_code (column 1 is 'ATS_CODE': names are matched exactly, in lower case) missing from the header", missing.Error);
    }
}
