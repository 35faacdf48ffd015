using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Dashboards.Localization;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Components.Shared;

/// <summary>
/// What charts.js draws over a chart besides its series: a programme target as a horizontal line (ApexCharts y-axis
/// annotation) and named months as vertical lines (x-axis annotations, e.g. the first month of each measure), and the
/// dimension picker's bars. Kept apart from <see cref="ChartSpecs"/>, which builds the series.
/// </summary>
public static class ChartMarks
{
    /// <summary>The spec with the indicator's target drawn as a line, when the catalogue gives one on its value.</summary>
    public static string WithTarget(string specJson, IndicatorInfo info, string lang)
    {
        if (info.Target is not { OnValue: true } target) return specJson;
        var spec = JsonNode.Parse(specJson)!.AsObject();
        spec["targets"] = new JsonArray(new JsonObject
        {
            ["y"] = target.Value,
            ["label"] = $"{DimensionLabels.T(lang, "target.line")}: {TargetText(target, info.Format, lang)}",
        });
        return spec.ToJsonString();
    }

    /// <summary>The spec with a vertical line at each named month (the month as the axis writes it, "gen 2024").</summary>
    public static string WithMonthMarks(string specJson, IEnumerable<(string Month, string Label)> marks, string lang)
    {
        var spec = JsonNode.Parse(specJson)!.AsObject();
        spec["marks"] = new JsonArray(marks.Select(m => (JsonNode)new JsonObject { ["x"] = NumberText.Month(m.Month, lang), ["label"] = m.Label }).ToArray());
        return spec.ToJsonString();
    }

    /// <summary>
    /// One bar per member of the picker's table (never the total's row, and a member without a value stays as a gap,
    /// so there are as many bars as members); the total of a rate or median is drawn as a line across them.
    /// </summary>
    public static string MemberBars(Grid members, IndicatorInfo info, string lang)
    {
        var vi = members.ColumnIndex("value");
        var rows = members.Rows.Where(r => (string?)r[0] != DimensionQueries.TotalKey).ToList();
        var total = members.Rows.FirstOrDefault(r => (string?)r[0] == DimensionQueries.TotalKey)?[vi] as double?;
        var spec = new JsonObject
        {
            ["type"] = "bar",
            ["lang"] = lang,
            ["format"] = info.Format,
            ["categories"] = new JsonArray(rows.Select(r => (JsonNode?)JsonValue.Create((string?)r[1])).ToArray()),
            ["series"] = new JsonArray(new JsonObject
            {
                ["name"] = info.Name(lang),
                ["data"] = new JsonArray(rows.Select(r => r[vi] is double d ? (JsonNode?)JsonValue.Create(d) : null).ToArray()),
            }),
        };
        if (!info.IsCount && total is double t)
            spec["targets"] = new JsonArray(new JsonObject
            {
                ["y"] = t, ["label"] = $"{DimensionLabels.T(lang, "dim.total")}: {NumberText.Number(t, info.Format, lang)}", ["color"] = "#333333",
            });
        return spec.ToJsonString();
    }

    /// <summary>"≤ 5.000" / "≥ 90,0 %": the target's comparison and value as the reader writes numbers.</summary>
    public static string TargetText(IndicatorTargetInfo target, string format, string lang)
        => (target.Comparison == "at_most" ? "≤ " : "≥ ") + NumberText.Number(target.Value, format, lang);
}
