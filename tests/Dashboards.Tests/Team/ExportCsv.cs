using System.Text;

namespace Monitoring.Tests.Dashboards.Team;

/// <summary>
/// A ';'-separated export file as records (a quoted note may hold ';' and line breaks), for tests that edit a leading
/// field of some records and write the file back byte for byte otherwise.
/// </summary>
public sealed class ExportCsv
{
    public List<string> Header { get; }
    public List<string> Records { get; }

    private ExportCsv(List<string> header, List<string> records) => (Header, Records) = (header, records);

    public static ExportCsv Read(string path)
    {
        var text = File.ReadAllText(path);
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..i].TrimEnd('\r'));
                start = i + 1;
            }
        }
        if (start < text.Length) records.Add(text[start..].TrimEnd('\r'));
        return new ExportCsv(records[0].Split(';').ToList(), records.Skip(1).Where(r => r.Length > 0).ToList());
    }

    public int Column(string name) => Header.IndexOf(name) is >= 0 and var i ? i : throw new ArgumentException($"no column {name}");

    /// <summary>A field of a record among the leading unquoted ones (codes and dates: before any free text).</summary>
    public string Get(int record, string column) => Records[record].Split(';')[Column(column)];

    /// <summary>Replaces a leading unquoted field of a record, leaving the rest of it (notes included) as it was.</summary>
    public void Set(int record, string column, string value)
    {
        var parts = Records[record].Split(';', Column(column) + 2);
        parts[Column(column)] = value;
        Records[record] = string.Join(';', parts);
    }

    public void Write(string path)
        => File.WriteAllText(path, string.Join("\n", Records.Prepend(string.Join(';', Header))) + "\n", new UTF8Encoding(false));
}
