using System.Text;
using Monitoring.Warehouse.Csv;
// The writer's number marker; not the dashboards' own FormattedNumber (a value with its display format).
using CsvNumber = Monitoring.Warehouse.Csv.FormattedNumber;
using FormattedNumber = Monitoring.Dashboards.Views.FormattedNumber;

namespace Monitoring.Dashboards.Formatting;

/// <summary>
/// A Grid as CSV through the project's one CSV writer (<see cref="SafeCsvWriter"/>: RFC 4180, formula injection
/// neutralised): header = column keys, cells exactly as the table shows them. A numeric cell stays a number
/// (-1.5 is not escaped); every text cell starting with = + - @, tab or CR gets a leading '.
/// </summary>
public static class CsvFormat
{
    public static string Write(Grid grid)
    {
        using var buffer = new MemoryStream();
        using (var csv = SafeCsvWriter.To(buffer))
        {
            csv.WriteRow(grid.Columns.Select(c => (object?)c.Key));
            foreach (var row in grid.Rows)
                csv.WriteRow(grid.Columns.Select((c, i) => Cell(row[i], c)));
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Numbers are formatted as the table shows them (counts, percents, days) and marked as numbers.
    private static object? Cell(object? value, GridColumn column) => value switch
    {
        null => null,
        double or float or decimal or int or long or short or byte or uint or ulong or FormattedNumber => new CsvNumber(GridFormat.Cell(value, column)),
        _ => GridFormat.Cell(value, column),
    };
}
