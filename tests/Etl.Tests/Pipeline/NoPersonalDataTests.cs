using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>Nothing under DATA_DIR holds a name, fiscal code, address, note or e-mail of the export in clear.</summary>
[Collection(PipelineRunsCollection.Name)]
public class NoPersonalDataTests(TinyRun tiny, RulesRun rules)
{
    [Fact]
    public void The_scan_finds_personal_data_where_there_is_some()
    {
        // The export itself is full of it: the scan must see it, or its silence below means nothing.
        var scan = PersonalDataScan.FromExport(rules.Export);
        var findings = scan.Scan(rules.Export);
        Assert.Contains(findings, f => f.StartsWith("persons.csv") && f.Contains("fiscal code pattern"));
        Assert.Contains(findings, f => f.StartsWith("operators.csv") && f.Contains("e-mail"));
        Assert.Contains(findings, f => f.StartsWith("households.csv") && f.Contains("address/note"));
        Assert.Contains(findings, f => f.StartsWith("cases.csv") && f.Contains("address/note"));
    }

    [Fact]
    public void Tiny_preset_data_dir_holds_no_personal_data()
    {
        Assert.True(tiny.Report.Status == RunStatus.Succeeded, tiny.Report.Error);
        var scan = PersonalDataScan.FromExport(tiny.Export);
        Assert.True(scan.NameCount > 100 && scan.FiscalCodeCount > 5000 && scan.TextCount > 1000, $"{scan.NameCount} names, {scan.FiscalCodeCount} codes, {scan.TextCount} texts");

        var findings = scan.Scan(tiny.DataDir);

        Assert.Empty(findings.Take(20));
        Assert.True(scan.CellsScanned > 100_000, $"only {scan.CellsScanned} cells scanned");
    }

    [Fact]
    public void Fixture_with_quarantined_rows_data_dir_holds_no_personal_data()
    {
        Assert.True(rules.Report.Status == RunStatus.Succeeded, rules.Report.Error);
        Assert.True(rules.Quarantine.Count >= 7);
        var scan = PersonalDataScan.FromExport(rules.Export);

        var findings = scan.Scan(rules.DataDir);

        Assert.Empty(findings.Take(20));
        Assert.True(scan.FilesScanned > 20, $"only {scan.FilesScanned} files scanned");
    }
}
