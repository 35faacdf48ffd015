namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The Ministry's and planners' indicator-by-dimension panels for one request: the picker's choice, its members beside
/// the total, and the series by measure with each measure's first month. A picker value that is no value of the panel
/// (a dimension the indicator is not published by, an indicator with none) leaves <see cref="Refused"/> set, and the
/// page answers 400 with it; an unknown indicator or a territory outside the scope is a ScopeViolation (403) as on
/// every panel.
/// </summary>
public sealed record DimensionView(IndicatorInfo? Indicator, DimensionInfo? Dimension, IReadOnlyList<IndicatorInfo> Offered,
    IReadOnlyList<DimensionInfo> Dimensions, Grid? Members, IndicatorInfo MeasureIndicator, Grid ByMeasure,
    IReadOnlyList<(string Measure, string Month)> MeasureStarts, InvalidFilterValue? Refused)
{
    public static DimensionView Load(DashboardQueries q, UserScope scope, PanelFilter f)
    {
        var d = q.Dimensions;
        // The page's indicator may be one without dimensions (the default trend's): the picker then shows its own default.
        var asked = f.Indicator is null ? null : q.Meta.Indicator(f.Indicator) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var pickerFilter = asked is { DimensionIds.Count: 0 } && f.Dimension is null ? f with { Indicator = null } : f;
        IndicatorInfo? indicator = null;
        DimensionInfo? dimension = null;
        Grid? members = null;
        InvalidFilterValue? refused = null;
        try
        {
            indicator = d.IndicatorOf(scope, pickerFilter);
            dimension = d.DimensionOf(indicator, pickerFilter);
            members = d.Members(scope, pickerFilter);
        }
        catch (InvalidFilterValue e) { refused = e; }
        var all = q.Meta.Dimensions();
        return new DimensionView(indicator, dimension, d.Offered(),
            indicator is null ? all : all.Where(x => indicator.DimensionIds.Contains(x.Id)).ToList(), members,
            d.MeasureIndicator(scope, f), d.ByMeasure(scope, f), d.MeasureStarts(scope, f), refused);
    }
}
