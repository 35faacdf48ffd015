using System.Text.Json;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Indicators whose cells come from one pass over one model's rows: the same SQL file with the same parameters except
/// the measures (<c>numerator</c>, <c>denominator</c>), summed over the same months, levels and dimensions. One model,
/// several indicators is how the catalogue shares SQL (households paid and the average payment read the same 11.6M
/// payment rows at national scale; applications received and the rejection rate the same applications); reading the
/// rows once and summing each indicator's measure beside the others costs one pass instead of one per indicator.
/// A median needs its own rows and a model without <c>{{numerator}}</c> has nothing to share: each is a pass alone.
/// </summary>
public sealed record ModelPass(IReadOnlyList<IndicatorDefinition> Indicators)
{
    public static readonly string[] MeasureParams = ["numerator", "denominator"];

    public IndicatorDefinition First => Indicators[0];

    /// <summary>The model's text: each measure parameter becomes a struct with one field per indicator
    /// (<c>{'i0': …, 'i1': …}</c>), read back by <see cref="Measure"/>.</summary>
    public string Model()
    {
        if (Indicators.Count == 1) return IndicatorSql.Model(First.Sql, First.Params);
        var parameters = First.Params!.ToDictionary(p => p.Key, p => p.Value);
        foreach (var name in MeasureParams.Where(parameters.ContainsKey))
        {
            var fields = Indicators.Select((i, k) => $"'i{k}': ({Text(i.Params![name])})");
            parameters[name] = JsonSerializer.SerializeToElement("{" + string.Join(", ", fields) + "}");
        }
        return IndicatorSql.Model(First.Sql, parameters);
    }

    /// <summary>Indicator <paramref name="k"/>'s measure column in the model's rows (<c>m</c>).</summary>
    public string Measure(string column, int k) =>
        Indicators.Count > 1 && First.Params!.ContainsKey(column) ? $"m.{column}.i{k}" : $"m.{column}";

    /// <summary>The passes of these indicators, in the catalogue's order of their first indicator.</summary>
    public static IReadOnlyList<ModelPass> Of(IEnumerable<IndicatorDefinition> indicators, IndicatorCatalogue catalogue) =>
        indicators
            .GroupBy(i => Shareable(i) ? Key(i, catalogue) : "alone:" + i.Id)
            .Select(g => new ModelPass(g.ToList()))
            .ToList();

    private static bool Shareable(IndicatorDefinition i) =>
        i.Kind != "median" && i.Params is { } p && p.ContainsKey("numerator")
        && SqlModels.Load($"indicators/{i.Sql}").Contains("{{numerator}}", StringComparison.Ordinal);

    /// <summary>What must be equal for two indicators to share a pass: everything that shapes the rows and cells
    /// except the measures.</summary>
    private static string Key(IndicatorDefinition i, IndicatorCatalogue catalogue) => string.Join("\u001f",
        i.Sql,
        string.Join(",", i.Params!.Where(p => !MeasureParams.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value.GetRawText())),
        string.Join(",", MeasureParams.Where(i.Params!.ContainsKey)),
        IndicatorSql.MonthFilter(i), i.Rollup, string.Join(",", i.LevelsOrDefault),
        string.Join(",", catalogue.DimensionsOf(i).Select(d => d.Id)));

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
