using Monitoring.Dashboards.Localization;
using static Monitoring.Access.Data.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// Indicators by dimension (issue 14) for the Ministry and the planners: the members of one dimension side by side with
/// the total for the reader's territory and month (the dimension picker), and the series by measure across REI → RdC →
/// ADI/SFL with the first month of each measure. Members come from the warehouse's indicator_member_values, the total
/// from indicator_values: the two tables the indicator runner wrote from one grouping-sets query.
/// </summary>
public sealed class DimensionQueries(WarehouseReader db, MetaQueries meta, ScopeRules rules)
{
    /// <summary>The dimension of the measures (REI, RdC, ADI, SFL): the series the programme's history runs through.</summary>
    public const string MeasureDimension = "measure";

    /// <summary>The territory the reader asked for (their own when the URL names none), refused outside their scope.</summary>
    private (string Level, string Code) Territory(UserScope scope, PanelFilter f, string what)
    {
        rules.RequireRole(scope, what, UserRole.Ministry, UserRole.PlannerRegion, UserRole.PlannerAts, UserRole.Coordinator);
        var (level, code) = rules.DefaultTerritory(scope, f);
        rules.RequireTerritory(scope, level, code, what);
        return (level, code);
    }

    /// <summary>
    /// The picker's indicator: the URL's (unknown: 403, as every panel refuses one), else the catalogue's dimension_default.
    /// An indicator published by no dimension is not a value this panel takes: 400.
    /// </summary>
    public IndicatorInfo IndicatorOf(UserScope scope, PanelFilter f)
    {
        var info = f.Indicator is null ? meta.ForRole(DashboardRole.DimensionDefault)
            : meta.Indicator(f.Indicator) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        if (info.DimensionIds.Count == 0) throw new InvalidFilterValue("indicator", $"{info.Id} is published by no dimension");
        return info;
    }

    /// <summary>The picker's dimension: the URL's if the indicator is published by it (else 400), else the indicator's first.</summary>
    public DimensionInfo DimensionOf(IndicatorInfo info, PanelFilter f)
    {
        var id = f.Dimension ?? info.DimensionIds[0];
        if (!info.DimensionIds.Contains(id)) throw new InvalidFilterValue("dimension", $"{info.Id} is not published by a dimension '{Clip(id)}'");
        return meta.Dimensions().FirstOrDefault(d => d.Id == id) ?? throw new InvalidFilterValue("dimension", $"no dimension '{Clip(id)}'");
    }

    // A refused value is echoed back only as far as it is a short code (never the whole of what was typed).
    private static string Clip(string v) => new(v.Take(40).Where(c => char.IsLetterOrDigit(c) || c is '_' or '-').ToArray());

    /// <summary>The indicators the picker offers: those published by at least one dimension.</summary>
    public IReadOnlyList<IndicatorInfo> Offered() => meta.Catalogue().Where(i => i.DimensionIds.Count > 0).ToList();

    /// <summary>
    /// One row per member of the dimension, then the total: numerator and denominator where the indicator has them
    /// (a count is its numerator; a median's denominator is the number of cases it is taken over), the value in the
    /// catalogue's format.
    /// </summary>
    public Grid Members(UserScope scope, PanelFilter f)
    {
        var (level, code) = Territory(scope, f, "an indicator by dimension");
        var info = IndicatorOf(scope, f);
        var dimension = DimensionOf(info, f);
        var month = meta.ResolveMonth(f.Month);
        var lang = f.Lang;
        var rows = db.Rows("""
            select member, numerator, denominator, value from indicator_member_values
            where indicator_id = $indicator and dimension = $dimension and level = $level and territory_code = $code and month = $month
            """, new { indicator = info.Id, dimension = dimension.Id, level, code, month })
            .ToDictionary(r => S(r, "member")!);
        var total = meta.Values().Get(info.Id, level, code, month);
        object?[] Row(string key, string label, double? numerator, double? denominator, double? value) => info.Kind switch
        {
            "count" => [key, label, value],
            "median" => [key, label, value, denominator],
            _ => [key, label, numerator, denominator, value],
        };
        var lines = dimension.Members.Select(m =>
        {
            var r = rows.GetValueOrDefault(m.Code);
            return Row(m.Code, m.Name(lang), r is null ? null : D(r, "numerator"), r is null ? null : D(r, "denominator"), r is null ? null : D(r, "value"));
        }).ToList();
        lines.Add(Row(TotalKey, DimensionLabels.T(lang, "dim.total"), total?.Numerator, total?.Denominator, total?.Value));
        var fmt = info.Format;
        List<GridColumn> columns = [new GridColumn("member", "member"), new GridColumn("label", dimension.Name(lang))];
        columns.AddRange(info.Kind switch
        {
            "count" => [Columns.Of(lang, "value", fmt)],
            "median" => [Columns.Of(lang, "value", fmt), Columns.Of(lang, "n", "count")],
            _ => (GridColumn[])[Columns.Of(lang, "numerator", NumeratorFormat(info)), Columns.Of(lang, "denominator", "number"), Columns.Of(lang, "value", fmt)],
        });
        return new Grid("dimension-members", columns, lines);
    }

    /// <summary>The key of the total's row (no member code is empty: the catalogue refuses empty codes).</summary>
    public const string TotalKey = "";

    // A ratio's parts are counts, except a rate of euros: the amount paid (its numerator) over households.
    private static string NumeratorFormat(IndicatorInfo info) => info.CatalogueFormat == "eur" ? "eur2" : "number";

    /// <summary>
    /// The indicator month by month for each measure (REI, RdC, ADI, SFL) in the reader's territory, with the total. The
    /// page's indicator when it is published by measure, else the catalogue's dimension_default.
    /// </summary>
    public Grid ByMeasure(UserScope scope, PanelFilter f)
    {
        var (level, code) = Territory(scope, f, "an indicator by measure");
        var info = MeasureIndicator(scope, f);
        var measures = meta.Dimensions().First(d => d.Id == MeasureDimension);
        var lang = f.Lang;
        var byMonth = db.Rows("""
            select month, member, value from indicator_member_values
            where indicator_id = $indicator and dimension = $dimension and level = $level and territory_code = $code
            """, new { indicator = info.Id, dimension = MeasureDimension, level, code })
            .ToLookup(r => S(r, "month")!);
        var total = meta.Values().Series(info.Id, level, code).ToDictionary(v => v.Month, v => v.Value);
        var months = total.Keys.Union(byMonth.Select(g => g.Key)).Order(StringComparer.Ordinal).ToList();
        var fmt = info.Format;
        List<GridColumn> columns = [Columns.Of(lang, "month")];
        columns.AddRange(measures.Members.Select(m => new GridColumn(m.Code, m.Name(lang), fmt)));
        columns.Add(new GridColumn("total", DimensionLabels.T(lang, "dim.total"), fmt));
        return new Grid("measure-trend", columns, months.Select(month =>
        {
            var members = byMonth[month].ToDictionary(r => S(r, "member")!, r => D(r, "value"));
            var row = new List<object?> { month };
            row.AddRange(measures.Members.Select(m => (object?)members.GetValueOrDefault(m.Code)));
            row.Add(total.GetValueOrDefault(month));
            return row.ToArray();
        }).ToList());
    }

    /// <summary>The first month each measure has households in the territory (its start, annotated on the chart).</summary>
    public IReadOnlyList<(string Measure, string Month)> MeasureStarts(UserScope scope, PanelFilter f)
    {
        var (level, code) = Territory(scope, f, "an indicator by measure");
        var info = MeasureIndicator(scope, f);
        // A member "has households" in a month when what the value is taken over is positive: a ratio's or median's
        // denominator, a count's numerator.
        return db.Rows("""
            select member, min(month) as first_month from indicator_member_values
            where indicator_id = $indicator and dimension = $dimension and level = $level and territory_code = $code
              and coalesce(denominator, numerator) > 0
            group by member
            """, new { indicator = info.Id, dimension = MeasureDimension, level, code })
            .Select(r => (S(r, "member")!, S(r, "first_month")!)).OrderBy(s => s.Item2, StringComparer.Ordinal).ToList();
    }

    public IndicatorInfo MeasureIndicator(UserScope scope, PanelFilter f)
    {
        var asked = f.Indicator is null ? null : meta.Indicator(f.Indicator) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        return asked is not null && asked.DimensionIds.Contains(MeasureDimension) ? asked : meta.ForRole(DashboardRole.DimensionDefault);
    }
}
