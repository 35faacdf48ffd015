using System.Text;

namespace Monitoring.Dashboards.Queries;

/// <summary>Writes a Grid as CSV (comma, RFC 4180 quoting, header = column keys), cells exactly as the table shows them.</summary>
public static class CsvFormat
{
    public static string Write(Grid grid)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', grid.Columns.Select(c => Quote(c.Key))));
        foreach (var row in grid.Rows)
            sb.AppendLine(string.Join(',', grid.Columns.Select((c, i) => Quote(GridFormat.Cell(row[i], c)))));
        return sb.ToString();
    }

    private static string Quote(string s)
    {
        // A leading =, +, - or @ would be read as a formula by spreadsheets; numbers like -1.5 stay as they are.
        if (s.Length > 0 && "=+@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
