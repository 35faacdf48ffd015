using System.Text.Json;
using Monitoring.Dashboards.Localization;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Components.Shared;

/// <summary>
/// Builds the JSON that charts.js turns into ApexCharts options, straight from the Grid the table shows. Category
/// labels (months) are written here in the reader's language; numbers travel as numbers with their format and
/// the language (<c>lang</c>), and charts.js writes axes and tooltips with the same separators as the tables.
/// </summary>
public static class ChartSpecs
{
    /// <summary>Categories from one column, one series per other column (non-numbers, e.g. suppressed cells, become gaps).</summary>
    public static string Series(Grid grid, string type, string categoryKey, IEnumerable<string> seriesKeys, string lang, string? format = null)
    {
        var ci = grid.ColumnIndex(categoryKey);
        var columns = seriesKeys.Select(k => grid.ColumnIndex(k)).Where(i => i >= 0).ToArray();
        // Months before the first value and after the last one of every series are left off the axis: a trend that
        // starts in 2019 for a measure that began later would open on an empty stretch (and ApexCharts marks it).
        var rows = grid.Rows.SkipWhile(r => columns.All(i => Number(r[i]) is null)).Reverse()
                            .SkipWhile(r => columns.All(i => Number(r[i]) is null)).Reverse().ToList();
        var series = columns.Select(i => new
        {
            name = grid.Columns[i].Label,
            data = rows.Select(r => Number(r[i])).ToArray(),
        }).ToArray();
        return JsonSerializer.Serialize(new
        {
            type,
            lang,
            format = format ?? (seriesKeys.Select(k => grid.ColumnIndex(k)).Where(i => i >= 0).Select(i => grid.Columns[i].Format).FirstOrDefault() ?? "number"),
            categories = rows.Select(r => GridFormat.Display(r[ci], grid.Columns[ci], lang)).ToArray(),
            series,
        });
    }

    /// <summary>
    /// Funnel plot on a logarithmic x axis (charts.js draws x = log10 n and labels the ticks with n): the ATS
    /// as points, those flagged as warning or alarm in their own series and labelled with their code, the
    /// national line, and the four limits as smooth curves (<see cref="FunnelCurves"/>).
    /// </summary>
    public static string Funnel(Grid grid, IReadOnlyList<double[]> curves, string lang, string format)
    {
        double?[] Col(string k) => grid.Column(k).Select(Number).ToArray();
        string Label(string key) => grid.Columns[grid.ColumnIndex(key)].Label;
        var n = Col("n");
        var value = Col("value");
        var severity = grid.Column("severity").Select(s => s as string).ToArray();
        var ats = grid.Column("ats").Select(s => s as string ?? "").ToArray();
        object Points(string name, Func<string?, bool> which) => new
        {
            name, type = "scatter",
            data = Enumerable.Range(0, n.Length).Where(i => which(severity[i]) && n[i] > 0 && value[i] is not null)
                .Select(i => new { x = Log(n[i]!.Value), y = value[i], label = ats[i] }).ToArray(),
        };
        object Curve(string key, int column) => new
        {
            name = Label(key), type = "line",
            data = curves.Select(c => new { x = Log(c[0]), y = Significant(c[column]) }).ToArray(),
        };
        var national = Col("national").FirstOrDefault(v => v is not null);
        object NationalLine() => new
        {
            name = Label("national"), type = "line",
            data = curves.Count == 0 ? [] : new[] { curves[0], curves[^1] }.Select(c => new { x = Log(c[0]), y = national }).ToArray(),
        };
        return JsonSerializer.Serialize(new
        {
            type = "funnel",
            lang,
            format,
            xTitle = Label("n"),
            series = new object[]
            {
                Points(Label("ats"), s => s is not ("warning" or "alarm")),
                Points(Labels.T(lang, "severity.warning"), s => s == "warning"),
                Points(Labels.T(lang, "severity.alarm"), s => s == "alarm"),
                NationalLine(),
                Curve("lower_warning", 2), Curve("upper_warning", 3), Curve("lower_alarm", 1), Curve("upper_alarm", 4),
            },
        });
    }

    /// <summary>log10 n to 4 decimals (0.01% of a step on the axis): the spec stays small with 80 points per curve.</summary>
    private static double Log(double n) => Math.Round(Math.Log10(n), 4);

    private static double Significant(double v) => v == 0 || !double.IsFinite(v) ? v : Math.Round(v, Math.Clamp(4 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 15));

    private static double? Number(object? v) => v is double d ? d : v is long l ? l : v is int i ? i : null;
}
