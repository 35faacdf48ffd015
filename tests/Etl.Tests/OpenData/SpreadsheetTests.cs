using System.Globalization;
using Monitoring.Etl.OpenData;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// The .xlsx opened as a spreadsheet user opens it: LibreOffice Calc (headless) reads it and saves it back as CSV
/// with every text cell quoted. Codes and months must come back as the same text, numbers as bare numbers of the
/// same value; the header and the CSV beside it must match cell for cell.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public class SpreadsheetTests(TinyWarehouseFixture fx)
{
    [Theory]
    [InlineData("indicators")]
    [InlineData("territories")]
    public void The_xlsx_of_a_release_opens_in_libreoffice_with_the_same_cells_as_the_csv_typed(string table)
    {
        using var dir = new TempDir();
        var converted = LibreOffice.ConvertToCsv(Path.Combine(fx.Release.Folder, table + ".xlsx"), dir["lo"]);
        var fromCalc = File.ReadAllLines(converted).Select(LibreOffice.Cells).ToList();
        var csv = File.ReadAllLines(Path.Combine(fx.Release.Folder, table + ".csv")).Select(LibreOffice.Cells).ToList();
        Assert.Equal(csv.Count, fromCalc.Count);
        var spec = ReleaseSchema.All.Single(r => r.Name == table);
        Assert.Equal(spec.Fields.Select(f => f.Name), fromCalc[0].Select(c => c.Text));

        for (var row = 1; row < csv.Count; row++)
            for (var col = 0; col < spec.Fields.Count; col++)
            {
                var (expected, _) = csv[row][col];
                var (shown, quoted) = fromCalc[row][col];
                var numeric = spec.Fields[col].Type is "number" or "integer"
                    && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                var where = $"{table} row {row + 1}, {spec.Fields[col].Name}";
                if (expected.Length == 0) { Assert.True(shown.Length == 0, $"{where}: empty expected, got '{shown}'"); continue; }
                if (numeric)
                {
                    Assert.False(quoted, $"{where}: '{shown}' should be a number cell");
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), double.Parse(shown, CultureInfo.InvariantCulture), 12);
                }
                else
                {
                    Assert.True(quoted, $"{where}: '{shown}' should be a text cell");
                    Assert.Equal(expected, shown);
                }
            }
        if (table == "indicators")
        {
            Assert.Contains(fromCalc.Skip(1), r => r[5].Quoted && r[5].Text == "2025-05"); // a month stays text, not a date
            Assert.Contains(fromCalc.Skip(1), r => r[6].Text == "<10" && r[6].Quoted);    // the marker stays text
        }
    }

    [Fact]
    public void The_xlsx_has_a_frozen_header_and_a_sheet_with_the_dictionary_and_the_disclosure_notes()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(fx.Release.Folder, "indicators.xlsx"));
        string Read(string entry) { using var r = new StreamReader(zip.GetEntry(entry)!.Open()); return r.ReadToEnd(); }
        var workbook = Read("xl/workbook.xml");
        Assert.Contains("name=\"indicators\"", workbook);
        Assert.Contains("name=\"dizionario-dictionary\"", workbook);
        Assert.Matches("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"", Read("xl/worksheets/sheet1.xml"));
        var dictionary = System.Net.WebUtility.HtmlDecode(Read("xl/worksheets/sheet2.xml"));
        foreach (var f in ReleaseSchema.Indicators.Fields) Assert.Contains(f.DescriptionEn, dictionary);
        foreach (var (it, en) in DataDictionaryWriter.DisclosureNotes) { Assert.Contains(it, dictionary); Assert.Contains(en, dictionary); }
        Assert.Contains("cases_processed", dictionary); // the indicators are listed with their definitions
    }

    [Fact]
    public void Leading_zeros_months_and_negative_numbers_survive_libreoffice()
    {
        // The tiny export has one region (15), so codes with a leading zero are written here through the same writer.
        using var dir = new TempDir();
        var path = dir["indicators.xlsx"];
        XlsxTableWriter.Write(path, ReleaseSchema.Indicators,
        [
            ["growth", "region", "05", "Basilicata", "05", "2024-01", -0.125, "published"],
            ["open_cases", "ats", "ATS-05-001", "Ambito 05/1", "05", "2024-12", 1234567.0, "published"],
            ["open_cases", "region", "01", "Piemonte", "01", "2024-02", "<10", "small_count"],
        ], []);
        var rows = File.ReadAllLines(LibreOffice.ConvertToCsv(path, dir["lo"])).Select(LibreOffice.Cells).ToList();
        Assert.Equal(("05", true), rows[1][2]);
        Assert.Equal(("05", true), rows[1][4]);
        Assert.Equal(("2024-01", true), rows[1][5]);
        Assert.Equal(("-0.125", false), rows[1][6]);
        Assert.Equal(("1234567", false), rows[2][6]);
        Assert.Equal(("01", true), rows[3][2]);
        Assert.Equal(("<10", true), rows[3][6]);
    }
}
