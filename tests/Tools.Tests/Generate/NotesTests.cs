using System.Text.Json;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>Social workers' notes hold `;`, quotes and line breaks; they must be quoted so a CSV reader keeps the row count.</summary>
public class NotesTests(TinyExportFixture export) : IClassFixture<TinyExportFixture>
{
    [Theory]
    [InlineData("cases")]
    [InlineData("case_events")]
    public void NotesWithSemicolonsQuotesAndLineBreaksReadBackIntact(string table)
    {
        Assert.True(export.Count($"select count(*) from {table} where contains(notes, ';')") > 0);
        Assert.True(export.Count($"select count(*) from {table} where contains(notes, '\"')") > 0);
        Assert.True(export.Count($"select count(*) from {table} where contains(notes, chr(10))") > 0);
        // Names of people appear in the free text (the pipeline must drop it).
        Assert.True(export.Count($"select count(*) from {table} where regexp_matches(notes, 'sig\\.(ra)? [A-Z][a-z]+')") > 0);

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.Summary.ExportDirectory, "manifest.json")));
        var rows = manifest.RootElement.GetProperty("files").GetProperty(table + ".csv").GetProperty("rows").GetInt64();
        Assert.Equal(rows, export.Count($"select count(*) from {table}"));
        // More physical lines than rows: the line breaks really are inside quoted fields.
        var lines = File.ReadAllText(Path.Combine(export.Summary.ExportDirectory, table + ".csv")).Count(c => c == '\n');
        Assert.True(lines > rows + 1);
    }

    [Fact]
    public void EmbeddedQuotesAreDoubledInTheRawFile()
    {
        var raw = File.ReadAllText(Path.Combine(export.Summary.ExportDirectory, "cases.csv"));
        Assert.Contains("\"\"", raw);
        var fromDuck = export.Column("select notes from cases where contains(notes, '\"') limit 1").Single()!;
        Assert.Contains("\"" + fromDuck.Replace("\"", "\"\"") + "\"", raw);
    }
}
