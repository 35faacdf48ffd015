namespace Monitoring.Dashboards.Views;

/// <summary>
/// What one panel shows: the table under a chart and the CSV download are both rendered from the same Grid,
/// so a download is exactly what is on screen. Cells are already-final values: numbers, or strings such as
/// "&lt;10" where disclosure control replaced a number.
/// </summary>
public sealed record Grid(string Panel, IReadOnlyList<GridColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Key == key) return i;
        return -1;
    }

    public IEnumerable<object?> Column(string key)
    {
        var i = ColumnIndex(key);
        return i < 0 ? [] : Rows.Select(r => r[i]);
    }

    /// <summary>A cell in machine format (as the CSV writes it).</summary>
    public string Text(int row, string key) => GridFormat.Cell(Rows[row][ColumnIndex(key)], Columns[ColumnIndex(key)]);

    /// <summary>A cell as the reader of the language sees it.</summary>
    public string Display(int row, string key, string lang) => GridFormat.Display(Rows[row][ColumnIndex(key)], Columns[ColumnIndex(key)], lang);
}
