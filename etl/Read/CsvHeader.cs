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
        }
        return names;
    }
}
