using System.Text;

namespace Monitoring.Etl.Read;

/// <summary>
/// The header row of an export CSV, read by hand so DuckDB's reader can be given the columns
/// explicitly (no dialect sniffing, every column VARCHAR) and so a missing required column
/// refuses the file with its name before any row is read.
/// </summary>
public static class CsvHeader
{
    public static IReadOnlyList<string> Read(string path)
    {
        RefuseUtf16(path);
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine() ?? throw new ExportRefusedException($"{Path.GetFileName(path)}: line 1: the file is empty (no header row)");
        var names = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ';') { names.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        names.Add(field.ToString());
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
                throw new ExportRefusedException($"{Path.GetFileName(path)}: line 1, column {i + 1}: empty column name in the header");
            if (names.IndexOf(names[i]) != i)
                throw new ExportRefusedException($"{Path.GetFileName(path)}: line 1, column {i + 1}: column '{names[i]}' appears twice in the header");
            var same = names.FindIndex(n => string.Equals(n, names[i], StringComparison.OrdinalIgnoreCase));
            if (same != i)
                // The reader (like SQL) does not tell 'ats_code' from 'ATS_CODE': two such columns cannot both be read.
                throw new ExportRefusedException($"{Path.GetFileName(path)}: line 1, column {i + 1}: column '{names[i]}' differs only by case from column {same + 1} '{names[same]}'; column names must be unique ignoring case");
        }
        return names;
    }

    /// <summary>
    /// A UTF-16 file read as UTF-8 turns every record into a malformed one, which would quarantine the
    /// whole file and everything that refers to it: refuse it up front, naming the encoding.
    /// </summary>
    static void RefuseUtf16(string path)
    {
        Span<byte> head = stackalloc byte[512];
        int n;
        using (var f = File.OpenRead(path)) n = f.Read(head);
        head = head[..n];
        string? found =
            head.StartsWith((byte[])[0xFF, 0xFE]) ? "UTF-16 little-endian (byte-order mark FF FE)" :
            head.StartsWith((byte[])[0xFE, 0xFF]) ? "UTF-16 big-endian (byte-order mark FE FF)" :
            head.IndexOf((byte)0) >= 0 ? "UTF-16 without a byte-order mark (NUL bytes between the characters)" :
            null;
        if (found is not null)
            throw new ExportRefusedException($"{Path.GetFileName(path)}: line 1: the file is encoded as {found}; the contract requires UTF-8: export it again as UTF-8");
    }
}
