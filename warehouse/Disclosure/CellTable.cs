namespace Monitoring.Warehouse.Disclosure;

/// <summary>A table of cells and the lines (rows, columns, hierarchy levels) that tie parts to their totals.</summary>
public sealed record CellTable(CellMeasure Measure, IReadOnlyList<DisclosureCell> Cells, IReadOnlyList<AdditiveLine> Lines)
{
    /// <summary>
    /// A rows × columns table with margins: <paramref name="values"/>[r, c] are the inner cells,
    /// <paramref name="rowTotals"/> and <paramref name="columnTotals"/> the margins (null = that margin is not part
    /// of the table), <paramref name="grandTotal"/> the corner. Cell ids are "r|c", with "*" for a margin.
    /// </summary>
    public static CellTable Grid(CellMeasure measure, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        double?[,] values, double?[]? rowTotals = null, double?[]? columnTotals = null, double? grandTotal = null)
    {
        var cells = new List<DisclosureCell>();
        var lines = new List<AdditiveLine>();
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns.Count; c++)
                cells.Add(new DisclosureCell(Id(rows[r], columns[c]), values[r, c]));
        if (rowTotals is not null)
            for (var r = 0; r < rows.Count; r++)
            {
                cells.Add(new DisclosureCell(Id(rows[r], "*"), rowTotals[r]));
                lines.Add(new AdditiveLine(Id(rows[r], "*"), columns.Select(c => Id(rows[r], c)).ToList()));
            }
        if (columnTotals is not null)
            for (var c = 0; c < columns.Count; c++)
            {
                cells.Add(new DisclosureCell(Id("*", columns[c]), columnTotals[c]));
                lines.Add(new AdditiveLine(Id("*", columns[c]), rows.Select(r => Id(r, columns[c])).ToList()));
            }
        if (grandTotal is not null || (rowTotals is not null && columnTotals is not null))
        {
            cells.Add(new DisclosureCell(Id("*", "*"), grandTotal));
            if (columnTotals is not null) lines.Add(new AdditiveLine(Id("*", "*"), columns.Select(c => Id("*", c)).ToList()));
            if (rowTotals is not null) lines.Add(new AdditiveLine(Id("*", "*"), rows.Select(r => Id(r, "*")).ToList()));
        }
        return new CellTable(measure, cells, lines);
    }

    public static string Id(string row, string column) => row + "|" + column;
}
