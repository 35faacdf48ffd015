using System.Text.Json;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Components.Shared;

/// <summary>Builds the JSON that charts.js turns into ApexCharts options, straight from the Grid the table shows.</summary>
public static class ChartSpecs
{
    /// <summary>Categories from one column, one series per other column (non-numbers, e.g. suppressed cells, become gaps).</summary>
    public static string Series(Grid grid, string type, string categoryKey, IEnumerable<string> seriesKeys, string? format = null)
    {
        var ci = grid.ColumnIndex(categoryKey);
        var series = seriesKeys.Select(k => grid.ColumnIndex(k)).Where(i => i >= 0).Select(i => new
        {
            name = grid.Columns[i].Label,
            data = grid.Rows.Select(r => Number(r[i])).ToArray(),
        }).ToArray();
        return JsonSerializer.Serialize(new
        {
            type,
            format = format ?? (seriesKeys.Select(k => grid.ColumnIndex(k)).Where(i => i >= 0).Select(i => grid.Columns[i].Format).FirstOrDefault() ?? "number"),
            categories = grid.Rows.Select(r => GridFormat.Cell(r[ci], grid.Columns[ci])).ToArray(),
            series,
        });
    }

    /// <summary>Funnel plot: ATS points (n, value), the national line and the four limits, as x/y series.</summary>
    public static string Funnel(Grid grid, string pointsName, string format)
    {
        double?[] Col(string k) => grid.Column(k).Select(Number).ToArray();
        var n = Col("n");
        object Line(string key) => new { name = grid.Columns[grid.ColumnIndex(key)].Label, type = "line", data = n.Zip(Col(key), (x, y) => new[] { x, y }).ToArray() };
        var points = new { name = pointsName, type = "scatter", data = n.Zip(Col("value"), (x, y) => new[] { x, y }).ToArray() };
        return JsonSerializer.Serialize(new
        {
            type = "funnel",
            format,
            series = new object[] { points, Line("national"), Line("lower_warning"), Line("upper_warning"), Line("lower_alarm"), Line("upper_alarm") },
        });
    }

    private static double? Number(object? v) => v is double d ? d : v is long l ? l : v is int i ? i : null;
}
