using System.Text.Json;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Components.Shared;

/// <summary>
/// The episode trend for charts.js: the ATS value, the national value and the four funnel limits by month, with a
/// vertical mark at each month the Event column names (episode start, assistance activated, recovered).
/// </summary>
public static class EpisodeChartSpec
{
    // A mark's x must be the category exactly as the axis shows it ("mar 2024", not "2024-03").
    public static string Trend(Grid grid, string lang)
    {
        var spec = JsonSerializer.Deserialize<Dictionary<string, object>>(ChartSpecs.Series(grid, "line", "month",
            ["value", "national", "lower_alarm", "lower_warning", "upper_warning", "upper_alarm"], lang))!;
        var mi = grid.ColumnIndex("month");
        var ei = grid.ColumnIndex("event");
        spec["marks"] = grid.Rows.Where(r => r[ei] is string).Select(r => new { x = GridFormat.Display(r[mi], grid.Columns[mi], lang), label = (string)r[ei]! }).ToArray();
        return JsonSerializer.Serialize(spec);
    }
}
