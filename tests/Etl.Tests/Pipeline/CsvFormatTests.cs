using System.IO.Compression;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The CSV dialect of the contract: BOM, CRLF, any column order, RFC 4180 quoting, extra and missing columns, a .zip.</summary>
public class CsvFormatTests
{
    /// <summary>These exports break rows on purpose in small files: the publish guard is not what is tested here.</summary>
    static readonly PublishGuard Lenient = new(1, 1, false);

    /// <summary>Rewrites households.csv with its columns reversed and an unknown column appended.</summary>
    static void ReverseHouseholdColumnsAndAddUnknown(FixtureExport x)
    {
        var f = x["households.csv"];
        f.Header = string.Join(';', f.Header.Split(';').Reverse()) + ";legacy_flag";
        for (var i = 0; i < f.Records.Count; i++)
            f.Records[i] = string.Join(';', f.Records[i].Split(';').Reverse()) + ";x";
    }

    [Fact]
    public void Bom_crlf_reordered_columns_and_quoted_fields_load_and_lines_stay_physical()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        foreach (var f in x.Files.Values) { f.ByteOrderMark = true; f.LineEnd = "\r\n"; }
        ReverseHouseholdColumnsAndAddUnknown(x);
        // H-000001's address (reversed order: address is the 12th field) holds ';', '""' and a line break.
        var h1 = x["households.csv"].Records[0].Split(';');
        Assert.Equal("Via dei Glicini 14", h1[11]);
        h1[11] = "\"Via dei Glicini 14; scala \"\"B\"\"\r\ninterno 3\"";
        x["households.csv"].Records[0] = string.Join(';', h1);
        // The unknown column of H-000002 spans two lines as well: it is ignored, but its line break still counts.
        x["households.csv"].Records[1] = x["households.csv"].Records[1][..^1] + "\"legacy\r\nvalue\"";
        // A bad row after the two-line records: minors 3 > members 2 (reversed order).
        var line = x.Add("households.csv", "active;social_services;2026-12-31;2025-02-01;2025-01-10;ADI;1000.00;0;0;3;2;Via Roma 1;001001;" + FixtureExport.PersonCf[0] + ";H-000107;x");
        // Then a record with too few fields, and one more bad row after it.
        var malformed = x.Add("households.csv", "active;social_services;2026-12-31");
        var last = x.Add("households.csv", "active;social_services;2026-12-31;2025-02-01;2025-01-10;ADI;1000.00;0;0;4;1;Via Roma 1;001001;" + FixtureExport.PersonCf[0] + ";H-000108;x");
        // By hand: header line 1, H-000001 on lines 2-3, H-000002 on 4-5, H-000003..6 on lines 6-9, then lines 10, 11, 12.
        Assert.Equal((10, 11, 12), (line, malformed, last));

        var report = PipelineRunner.Run(new PipelineOptions { Source = x.Write(tmp["export"]), DataDir = tmp["data"], Demo = true, Guard = Lenient });

        Assert.True(report.Status == RunStatus.Succeeded, report.Error);
        var households = report.Files["households.csv"];
        Assert.Equal((9L, 6L, 3L), (households.Read, households.Loaded, households.Quarantined));
        Assert.Equal(["legacy_flag"], households.UnknownColumns);
        foreach (var (file, rows) in FixtureExport.ValidRows.Where(kv => kv.Key != "households.csv"))
            Assert.Equal((file, (long)rows, 0L), (file, report.Files[file].Loaded, report.Files[file].Quarantined));
        using var q = Duck.Memory();
        var bad = q.Rows($"SELECT line, reason FROM {Duck.ReadCsv(Path.Combine(new DataDirectory(tmp["data"]).Quarantine(report.RunId), "households.csv"))} ORDER BY line::INT");
        Assert.Equal([["10", "inconsistent_counts"], ["11", "malformed_row"], ["12", "inconsistent_counts"]], bad);
        using var wh = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        // The fields on both sides of the quoted one landed in their columns.
        var row = Assert.Single(wh.Rows($"SELECT municipality_code, members, minors, CAST(isee_eur AS VARCHAR), status FROM stg_households WHERE household_key = '{ExpectedPseudonym.Of("household", "H-000001")}'"));
        Assert.Equal(["001001", "3", "1", "5200.00", "active"], row);
        // The BOM is not glued to the first header name, CR not to the last field.
        Assert.Equal(["ATS-01-001", "ATS-01-002"], wh.Column("SELECT ats_code FROM stg_ambiti ORDER BY 1"));
        Assert.Equal(["01"], wh.Column("SELECT DISTINCT region_code FROM stg_ambiti"));
    }

    [Fact]
    public void A_missing_required_column_refuses_the_export_naming_file_and_column()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        var f = x["households.csv"];
        Assert.EndsWith(";status", f.Header);
        f.Header = f.Header[..f.Header.LastIndexOf(';')];
        for (var i = 0; i < f.Records.Count; i++) f.Records[i] = f.Records[i][..f.Records[i].LastIndexOf(';')];

        var report = PipelineRunner.Run(new PipelineOptions { Source = x.Write(tmp["export"]), DataDir = tmp["data"], Demo = true, Guard = Lenient });

        Assert.Equal(RunStatus.Refused, report.Status);
        Assert.Contains("households.csv", report.Error);
        Assert.Contains("status", report.Error);
        Assert.Null(new SnapshotStore(tmp["data"]).CurrentRunId());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Malformed_records_spanning_lines_do_not_shift_the_lines_of_the_rows_after_them(string lineEnd)
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        foreach (var f in x.Files.Values) f.LineEnd = lineEnd;
        string Household(string id, int members, int minors) =>
            $"{id};{FixtureExport.PersonCf[0]};001001;Via Roma 1;{members};{minors};0;0;1000.00;ADI;2025-01-10;2025-02-01;2026-12-31;social_services;active";
        // Too few fields, one of them quoted across two lines; then a bad row; then too many fields over
        // three lines; then another bad row.
        var malformed1 = x.Add("households.csv", $"H-000109;\"Via{lineEnd}Nuova\";active");
        var bad1 = x.Add("households.csv", Household("H-000110", 2, 3));
        var malformed2 = x.Add("households.csv", Household("H-000111", 2, 0) + $";\"one{lineEnd}two{lineEnd}three\"");
        var bad2 = x.Add("households.csv", Household("H-000112", 1, 4));
        // By hand: header on line 1, H-000001..6 on lines 2-7, then 8-9, 10, 11-13, 14.
        Assert.Equal((8, 10, 11, 14), (malformed1, bad1, malformed2, bad2));

        var report = PipelineRunner.Run(new PipelineOptions { Source = x.Write(tmp["export"]), DataDir = tmp["data"], Demo = true, Guard = Lenient });

        Assert.True(report.Status == RunStatus.Succeeded, report.Error);
        Assert.Equal((10L, 6L, 4L), (report.Files["households.csv"].Read, report.Files["households.csv"].Loaded, report.Files["households.csv"].Quarantined));
        using var q = Duck.Memory();
        var lines = q.Rows($"SELECT line, reason FROM {Duck.ReadCsv(Path.Combine(new DataDirectory(tmp["data"]).Quarantine(report.RunId), "households.csv"))} ORDER BY line::INT");
        Assert.Equal([["8", "malformed_row"], ["10", "inconsistent_counts"], ["11", "malformed_row"], ["14", "inconsistent_counts"]], lines);
    }

    [Fact]
    public void A_zip_of_the_export_folder_is_accepted()
    {
        using var tmp = new TempDir();
        var folder = FixtureExport.Valid().Write(tmp["gepi-export"]);
        var zip = tmp["gepi-export.zip"];
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        Directory.Delete(folder, recursive: true);

        var report = PipelineRunner.Run(new PipelineOptions { Source = zip, DataDir = tmp["data"], Demo = true, Guard = Lenient });

        Assert.True(report.Status == RunStatus.Succeeded, report.Error);
        using var wh = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        Assert.Equal(20, wh.Count("SELECT count(*) FROM stg_payments"));
        Assert.Equal(12, wh.Count("SELECT count(*) FROM stg_persons"));
        Assert.Empty(Directory.GetDirectories(new DataDirectory(tmp["data"]).LandingDir));
    }
}
