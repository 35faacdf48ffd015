using Monitoring.Warehouse.Csv;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.OpenData;

public class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"y\")")]
    [InlineData("+39 02 1234")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void A_text_cell_a_spreadsheet_would_evaluate_gets_a_leading_quote(string text)
    {
        using var dir = new TempDir();
        var path = dir["t.csv"];
        using (var w = new SafeCsvWriter(path))
        {
            w.WriteRow(["name", "value"]);
            w.WriteRow([text, -3.5]);
        }
        using var duck = Duck.Memory();
        var rows = duck.Rows($"select name, value from read_csv({Duck.Lit(path)}, header=true, delim=',', quote='\"', escape='\"', columns={{'name': 'VARCHAR', 'value': 'DOUBLE'}})");
        var row = Assert.Single(rows);
        Assert.Equal("'" + text, row[0]);          // neutralized, and otherwise intact after RFC 4180 parsing
        Assert.Equal("-3.5", row[1]);               // a negative NUMBER stays a number
        Assert.EndsWith(",-3.5\r\n", File.ReadAllText(path));  // written bare: no quote, no prefix
    }

    [Fact]
    public void Numbers_stay_numbers_and_a_formatted_number_is_not_taken_for_a_formula()
    {
        using var dir = new TempDir();
        var path = dir["t.csv"];
        using (var w = new SafeCsvWriter(path))
        {
            w.WriteRow(["a", "b", "c", "d", "e", "f", "g"]);
            w.WriteRow([-1L, -2.25m, new FormattedNumber("-12.5%"), "-1+1+cmd|' /C calc'!A0", new DateOnly(2024, 1, 31), new FormattedNumber("15.0%"), new FormattedNumber("-0.50")]);
        }
        // a displayed number keeps exactly the digits shown (15.0%, -0.50), and is never escaped
        Assert.Equal("a,b,c,d,e,f,g\r\n-1,-2.25,-12.5%,\"'-1+1+cmd|' /C calc'!A0\",2024-01-31,15.0%,-0.50\r\n", File.ReadAllText(path));
    }

    [Fact]
    public void Ordinary_text_and_numbers_are_written_as_they_are_with_rfc4180_quoting()
    {
        using var dir = new TempDir();
        var path = dir["t.csv"];
        using (var w = new SafeCsvWriter(path))
        {
            w.WriteRow(["a", "b", "c", "d"]);
            w.WriteRow(["Valle d'Aosta", "a,b", "say \"hi\"", 12L]);
        }
        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]); // no BOM
        var text = File.ReadAllText(path);
        Assert.Equal("a,b,c,d\r\nValle d'Aosta,\"a,b\",\"say \"\"hi\"\"\",12\r\n", text);
    }
}
