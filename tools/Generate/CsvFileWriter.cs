using System.Text;

namespace Monitoring.Tools.Generate;

/// <summary>
/// Streams one export CSV exactly as the contract writes it: UTF-8 without BOM, `;` delimiter,
/// RFC 4180 quoting only where needed, `\n` line ends, empty field = null. Counts data rows and
/// hashes the bytes while writing, for the manifest.
/// </summary>
internal sealed class CsvFileWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly char[] NeedsQuoting = [';', '"', '\r', '\n'];

    private readonly HashingStream _hashing;
    private readonly StreamWriter _writer;
    private bool _atRowStart = true;
    private bool _completed;

    public CsvFileWriter(string path, params string[] header)
    {
        FileName = Path.GetFileName(path);
        _hashing = new HashingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
        _writer = new StreamWriter(_hashing, Utf8NoBom, 1 << 20) { NewLine = "\n" };
        foreach (var h in header) Text(h);
        _writer.Write('\n');
        _atRowStart = true;
    }

    public string FileName { get; }

    /// <summary>Data rows written (the header is not counted).</summary>
    public long Rows { get; private set; }

    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value)) return;
        if (value.IndexOfAny(NeedsQuoting) < 0) { _writer.Write(value); return; }
        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\""));
        _writer.Write('"');
    }

    public void Null() => Separator();

    public void Int(long value)
    {
        Separator();
        Span<char> buf = stackalloc char[20];
        value.TryFormat(buf, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        _writer.Write(buf[..n]);
    }

    public void OptionalInt(int? value) { if (value is { } v) Int((long)v); else Null(); }

    /// <summary>An amount in euro cents written as a decimal with a `.` and 2 digits.</summary>
    public void Cents(long cents)
    {
        Separator();
        Span<char> buf = stackalloc char[24];
        var neg = cents < 0;
        var abs = neg ? -cents : cents;
        var pos = buf.Length;
        buf[--pos] = (char)('0' + abs % 10); abs /= 10;
        buf[--pos] = (char)('0' + abs % 10); abs /= 10;
        buf[--pos] = '.';
        do { buf[--pos] = (char)('0' + abs % 10); abs /= 10; } while (abs > 0);
        if (neg) buf[--pos] = '-';
        _writer.Write(buf[pos..]);
    }

    public void Date(DateOnly? value)
    {
        Separator();
        if (value is not { } d) return;
        Span<char> buf = stackalloc char[10];
        WriteDigits(buf[..4], d.Year);
        buf[4] = '-';
        WriteDigits(buf.Slice(5, 2), d.Month);
        buf[7] = '-';
        WriteDigits(buf.Slice(8, 2), d.Day);
        _writer.Write(buf);
    }

    public void Month(int year, int month)
    {
        Separator();
        Span<char> buf = stackalloc char[7];
        WriteDigits(buf[..4], year);
        buf[4] = '-';
        WriteDigits(buf.Slice(5, 2), month);
        _writer.Write(buf);
    }

    public void Bool(bool? value)
    {
        Separator();
        if (value is { } b) _writer.Write(b ? "true" : "false");
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _atRowStart = true;
        Rows++;
    }

    /// <summary>Flushes and closes the file; returns its manifest entry.</summary>
    public ManifestFileEntry Complete()
    {
        _writer.Flush();
        var hash = _hashing.FinishHash();
        var bytes = _hashing.BytesWritten;
        _writer.Dispose();
        _completed = true;
        return new ManifestFileEntry(FileName, Rows, hash, bytes);
    }

    public void Dispose()
    {
        if (!_completed) _writer.Dispose();
    }

    private void Separator()
    {
        if (_atRowStart) _atRowStart = false;
        else _writer.Write(';');
    }

    private static void WriteDigits(Span<char> dest, int value)
    {
        for (var i = dest.Length - 1; i >= 0; i--) { dest[i] = (char)('0' + value % 10); value /= 10; }
    }
}
