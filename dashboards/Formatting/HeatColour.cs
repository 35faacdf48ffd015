namespace Monitoring.Dashboards.Formatting;

/// <summary>
/// The Ministry heat table's colour of one cell (issue 11). Rates and ratios are compared with the national value.
/// A count (case managers, cases, households) is a region's share of Italy, so "ratio to Italy" made every region
/// look far worse than the nation; a count is compared only once divided by the residents of the region and of
/// Italy. Within 10% of the national value: neutral; then one shade to 25%, a darker one beyond, red on the bad
/// side (by the indicator's higher_is_better) and green on the good side.
/// </summary>
public static class HeatColour
{
    public static string? Class(IndicatorInfo info, double value, double? national, double? residents, double? nationalResidents)
    {
        if (national is null or 0) return null;
        double ratio;
        if (info.IsCount)
        {
            if (residents is not > 0 || nationalResidents is not > 0) return null;
            ratio = value / residents.Value / (national.Value / nationalResidents.Value);
        }
        else ratio = value / national.Value;
        var distance = Math.Abs(ratio - 1);
        if (distance < 0.1) return "heat-0";
        var bad = info.HigherIsBetter ? ratio < 1 : ratio > 1;
        return (bad ? "heat-bad-" : "heat-good-") + (distance < 0.25 ? "1" : "2");
    }
}
