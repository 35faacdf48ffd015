using System.Text;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>
/// `etl run` refuses to replace a good snapshot with one that quarantines too much of a file or loses
/// rows against it (default 5%), names the file, and publishes anyway only when forced.
/// </summary>
public class PublishGuardTests
{
    [Fact]
    public void A_header_only_ambiti_csv_is_refused_with_the_files_named_and_published_only_with_force()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var good = CliRun.Of(FixtureExport.Valid().Write(tmp["good"]), data);
        Assert.True(good.ExitCode == 0, good.Output);
        var inService = new SnapshotStore(data).CurrentRunId();

        var bad = FixtureExport.Valid();
        bad["ambiti.csv"].Records.Clear();
        var export = bad.Write(tmp["header-only"]);
        var refused = CliRun.Of(export, data);

        Assert.True(refused.ExitCode == 2, refused.Output);
        refused.AssertNoStackTrace();
        // Every membership (4), case (4) and budget line (3) points to an ATS that is no longer there.
        Assert.Contains("ambito_comuni.csv: 4 of 4 rows quarantined (100%), above the 5% allowed (mostly unknown_ats: 4)", refused.Error);
        Assert.Contains("ambiti.csv: 0 rows would be loaded against 2 in the snapshot in service", refused.Error);
        Assert.Contains("cases.csv: 4 of 4", refused.Error);
        Assert.Contains("ambito_comuni.csv: 4 of 4", refused.Output);
        Assert.Equal(inService, new SnapshotStore(data).CurrentRunId());
        refused.AssertReconciles();
        Assert.Equal((6L, 0L, 6L), refused.Counts("households.csv")); // nothing of a refused run is loaded

        var forced = CliRun.Of(export, data, ["--force"]);
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.NotEqual(inService, new SnapshotStore(data).CurrentRunId());
        var warnings = forced.Report!.Value.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("published anyway (--force): ambito_comuni.csv: 4 of 4 rows quarantined"));
    }

    [Fact]
    public void A_utf16_file_is_refused_naming_the_encoding_and_the_snapshot_in_service_stays()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        Assert.Equal(0, CliRun.Of(FixtureExport.Valid().Write(tmp["good"]), data).ExitCode);
        var inService = new SnapshotStore(data).CurrentRunId();

        var x = FixtureExport.Valid();
        x["ambiti.csv"].Encoding = Encoding.Unicode;
        var run = CliRun.Of(x.Write(tmp["utf16"]), data);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.StartsWith("ambiti.csv: line 1: the file is encoded as UTF-16 little-endian (byte-order mark FF FE); the contract requires UTF-8", run.Error);
        run.AssertNoStackTrace();
        Assert.Equal(inService, new SnapshotStore(data).CurrentRunId());

        // Without a byte-order mark too.
        x["ambiti.csv"].Encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        var noBom = CliRun.Of(x.Write(tmp["utf16-no-bom"]), data);
        Assert.Equal(2, noBom.ExitCode);
        Assert.Contains("ambiti.csv: line 1: the file is encoded as UTF-16 without a byte-order mark", noBom.Error);
    }

    [Fact]
    public void The_thresholds_come_from_configuration_and_a_full_export_losing_rows_is_refused()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        Assert.Equal(0, CliRun.Of(FixtureExport.Valid().Write(tmp["good"]), data).ExitCode);

        // 12 persons in service; this export has 11 (one removed): 8.3% fewer.
        var fewer = FixtureExport.Valid();
        fewer["persons.csv"].Records.RemoveAt(11);
        var export = fewer.Write(tmp["fewer"]);
        var refused = CliRun.Of(export, data);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("persons.csv: 11 rows would be loaded against 12 in the snapshot in service", refused.Error);
        Assert.Contains("8.3% fewer, above the 5% allowed", refused.Error);

        var lifted = CliRun.Of(export, data, env: new Dictionary<string, string> { ["MONITORING_MAX_ROW_LOSS"] = "10%" });
        Assert.True(lifted.ExitCode == 0, lifted.Output);
        var flag = CliRun.Of(export, tmp["data2"], ["--max-row-loss", "nonsense"]);
        Assert.Equal(64, flag.ExitCode);
        Assert.Contains("--max-row-loss: 'nonsense' is not a share", flag.Output);
    }
}
