using System.Globalization;
using CsvHelper;

namespace Monitoring.Warehouse.Csv;

/// <summary>
/// The one CSV writer of every download and release (open data, research, dashboards' panel CSVs): CsvHelper 34
/// writing RFC 4180 (comma, CRLF, quotes when needed, UTF-8 without BOM — see README "CSV and spreadsheets").
/// Formula injection: a TEXT cell starting with =, +, -, @, tab or CR gets a leading ' (CsvHelper's built-in
/// <see cref="CsvInjection.Escape"/>, OWASP's characters), so a spreadsheet shows it as text. Numbers, dates and
/// booleans are written as typed values and never escaped, so -3.5 stays a number; a number already formatted
/// for display (a dashboard's "12.5%") is passed as <see cref="FormattedNumber"/> to say what it is.
/// </summary>
public sealed class SafeCsvWriter : IDisposable
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
        WriteByteOrderMark = false,
    };

    readonly CsvWriter _csv;

    SafeCsvWriter(CsvWriter csv) { _csv = csv; }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public SafeCsvWriter(string path) : this(CsvWriter.ToFile(path, Options)) { }

    /// <summary>Writes into <paramref name="stream"/> (left open).</summary>
    public static SafeCsvWriter To(Stream stream) => new(CsvWriter.Create(stream, Options, leaveOpen: true));

    /// <summary>One record; each cell typed as described on the class.</summary>
    public void WriteRow(IEnumerable<object?> cells)
    {
        foreach (var cell in cells) WriteCell(cell);
        _csv.EndRecord();
    }

    void WriteCell(object? cell)
    {
        switch (cell)
        {
            case null: _csv.WriteField((string?)null); break;
            case string s: _csv.WriteField(s); break;
            case double d: if (double.IsFinite(d)) _csv.WriteField(d, ""); else _csv.WriteField((string?)null); break;
            case float f: if (float.IsFinite(f)) _csv.WriteField((double)f, ""); else _csv.WriteField((string?)null); break;
            case decimal m: _csv.WriteField(m, ""); break;
            case int i: _csv.WriteField(i, ""); break;
            case long l: _csv.WriteField(l, ""); break;
            case short sh: _csv.WriteField(sh, ""); break;
            case byte b: _csv.WriteField(b, ""); break;
            case bool b: _csv.WriteField(b); break;
            case DateOnly day: _csv.WriteField(day, "yyyy-MM-dd"); break;
            case FormattedNumber n: WriteFormattedNumber(n.Text); break;
            default: _csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture)); break;
        }
    }

    // CsvHelper exempts from injection escaping only the values it formats itself (numbers, dates, ...), so a
    // displayed number is parsed back and written as a double with a pattern that reproduces the same text:
    // as many decimals as shown ("15.0%" stays "15.0%"), a trailing % as a literal. Anything else is text.
    void WriteFormattedNumber(string text)
    {
        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1] : text;
        var point = digits.IndexOf('.');
        var decimals = point < 0 ? 0 : digits.Length - point - 1;
        if (decimals <= 15
            && double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
            _csv.WriteField(value, (decimals == 0 ? "0" : "0." + new string('0', decimals)) + (percent ? "'%'" : ""));
        else
            _csv.WriteField(text);
    }

    public void Dispose() => _csv.Dispose();
}

/// <summary>A number already formatted for display ("-12.5", "12.5%"): written as it is, never escaped as a formula.</summary>
public readonly record struct FormattedNumber(string Text);
