using System.Globalization;
using System.Text;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// RFC 4180 CSV (comma, CRLF, double-quote quoting, UTF-8 without BOM) that is safe to open in a spreadsheet.
/// Formula injection: a TEXT cell starting with =, +, -, @, tab or carriage return is prefixed with a single quote,
/// so Excel or LibreOffice shows it as text instead of evaluating it. Numbers are typed values, never text, so a
/// negative number (-3.5) stays a number; only strings are neutralized (a code such as "-5" held as text is).
/// </summary>
public sealed class SafeCsvWriter : IDisposable
{
    static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];
    readonly StreamWriter _writer;

    public SafeCsvWriter(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };
    }

    public void WriteRow(IEnumerable<object?> cells)
    {
        _writer.Write(string.Join(",", cells.Select(Format)));
        _writer.Write("\r\n");
    }

    /// <summary>One cell as it appears in the file.</summary>
    public static string Format(object? cell) => cell switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(cell, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Quote(Neutralize(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>Prefixes a text that a spreadsheet would read as a formula with a single quote.</summary>
    public static string Neutralize(string text) => text.Length > 0 && Triggers.Contains(text[0]) ? "'" + text : text;

    static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;

    public void Dispose() => _writer.Dispose();
}
