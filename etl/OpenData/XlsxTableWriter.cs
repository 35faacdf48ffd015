using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// The .xlsx beside each CSV, for people who open the release in a spreadsheet: cells typed from the Table Schema
/// (string fields — codes such as "05", months such as "2024-01" — are text cells, so no zero is lost and no month
/// becomes a date; number and integer fields are numbers; a small-count marker "&lt;10" stays text), the header
/// row bold and frozen, and a second sheet with the data dictionary and the disclosure notes. No encoding or
/// delimiter to guess, whatever the reader's regional settings. Text cells are never formulas in .xlsx, so no
/// injection escaping is needed here. Written with SpreadCheetah (streaming; chosen over MiniExcel by measurement,
/// see README "CSV and spreadsheets").
/// </summary>
public static class XlsxTableWriter
{
    public static void Write(string path, ResourceSpec resource, IEnumerable<object?[]> rows, IReadOnlyList<PublicIndicator> indicators) =>
        WriteAsync(path, resource, rows, indicators).GetAwaiter().GetResult();

    static async Task WriteAsync(string path, ResourceSpec resource, IEnumerable<object?[]> rows, IReadOnlyList<PublicIndicator> indicators)
    {
        await using var file = File.Create(path);
        await using var book = await Spreadsheet.CreateNewAsync(file);
        var bold = book.AddStyle(new Style { Font = { Bold = true } });
        var wrap = book.AddStyle(new Style { Alignment = { WrapText = true } });

        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < resource.Fields.Count; i++) options.Column(i + 1).Width = resource.Fields[i].Name is "territory_name" or "status" ? 28 : 16;
        await book.StartWorksheetAsync(resource.Name, options);
        await book.AddRowAsync(resource.Fields.Select(f => new Cell(f.Name, bold)).ToArray());
        var cells = new Cell[resource.Fields.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = Typed(row[i], resource.Fields[i]);
            await book.AddRowAsync(cells);
        }

        var dict = new WorksheetOptions { FrozenRows = 1 };
        dict.Column(1).Width = 14; dict.Column(2).Width = 26; dict.Column(3).Width = 12; dict.Column(4).Width = 70; dict.Column(5).Width = 70;
        await book.StartWorksheetAsync("dizionario-dictionary", dict);
        await book.AddRowAsync([new Cell("voce / entry", bold), new Cell("nome / name", bold), new Cell("tipo / type", bold), new Cell("descrizione", bold), new Cell("description", bold)]);
        foreach (var f in resource.Fields)
            await book.AddRowAsync([new Cell("colonna / column"), new Cell(f.Name), new Cell(f.Type), new Cell(f.DescriptionIt, wrap), new Cell(f.DescriptionEn, wrap)]);
        if (resource == ReleaseSchema.Indicators)
            foreach (var i in indicators)
                await book.AddRowAsync([new Cell("indicatore / indicator"), new Cell(i.Id), new Cell(i.Kind), new Cell($"{i.NameIt}. {i.DescriptionIt}", wrap), new Cell($"{i.NameEn}. {i.DescriptionEn}", wrap)]);
        if (resource.Source is not null)
            await book.AddRowAsync([new Cell("fonte / source"), new Cell(""), new Cell(""), new Cell(resource.Source), new Cell(resource.Source)]);
        await book.AddRowAsync([new Cell("")]);
        foreach (var (it, en) in DataDictionaryWriter.DisclosureNotes)
            await book.AddRowAsync([new Cell("riservatezza / disclosure", bold), new Cell(""), new Cell(""), new Cell(it, wrap), new Cell(en, wrap)]);
        await book.FinishAsync();
    }

    static Cell Typed(object? value, FieldSpec field) => value switch
    {
        null => new Cell(),
        double d when field.Type is "number" or "integer" => double.IsFinite(d) ? new Cell(d) : new Cell(),
        long l when field.Type is "number" or "integer" => new Cell(l),
        int n when field.Type is "number" or "integer" => new Cell(n),
        decimal m when field.Type is "number" or "integer" => new Cell(m),
        _ => new Cell(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
