using System.Text.Json;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Components.Shared;

/// <summary>
/// The episode trend for charts.js: the ATS value, the national value and the four funnel limits by month, with a
/// vertical mark at each month the Event column names (episode start, assistance activated, recovered).
/// </summary>
public static class EpisodeChartSpec
{
    public static string Trend(Grid grid)
    {
        var spec = JsonSerializer.Deserialize<Dictionary<string, object>>(ChartSpecs.Series(grid, "line", "month",
            ["value", "national", "lower_alarm", "lower_warning", "upper_warning", "upper_alarm"]))!;
        var mi = grid.ColumnIndex("month");
        var ei = grid.ColumnIndex("event");
        spec["marks"] = grid.Rows.Where(r => r[ei] is string).Select(r => new { x = (string)r[mi]!, label = (string)r[ei]! }).ToArray();
        return JsonSerializer.Serialize(spec);
    }
}
