using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Queries;

public sealed partial class PublicQueries
{
    /// <summary>The dimensions the public page offers: those of at least one public indicator.</summary>
    public IReadOnlyList<DimensionInfo> PublicDimensions()
    {
        var carried = PublicIndicators().SelectMany(i => i.DimensionIds).ToHashSet(StringComparer.Ordinal);
        return meta.Dimensions().Where(d => carried.Contains(d.Id)).ToList();
    }

    /// <summary>
    /// One dimension for Italy or one region in the month: a row for the total and one per member, a column per public
    /// indicator carrying the dimension — the cells of <see cref="MetaQueries.PublicCells"/>, where the members went through
    /// the same disclosure control as the totals (secondary suppression across members, total and regions), as the
    /// open data's indicators_by_dimension publishes them. An ATS, an unknown dimension or region is refused.
    /// </summary>
    public Grid Members(UserScope scope, PanelFilter f)
    {
        RefuseAts(scope, f);
        var dimensions = PublicDimensions();
        var dimension = f.Dimension is null ? dimensions.FirstOrDefault() : dimensions.FirstOrDefault(d => d.Id == f.Dimension);
        if (dimension is null && f.Dimension is not null) throw new ScopeViolation(scope.Role, $"unknown or non-public dimension {f.Dimension}");
        if (f.Region is not null && meta.Regions().All(r => r.Code != f.Region)) throw new ScopeViolation(scope.Role, $"unknown region {f.Region}");
        var (level, territory) = f.Region is null ? ("national", "IT") : ("region", f.Region);
        var month = meta.ResolveMonth(f.Month);
        var lang = f.Lang;
        var cells = meta.PublicCells();
        // Indicators with the dimension and a member cell in the month (the censored months of a timeliness indicator have none).
        var values = meta.Values();
        var indicators = dimension is null ? [] : PublicIndicators()
            .Where(i => i.DimensionIds.Contains(dimension.Id) && values.Get(i.Id, "national", "IT", month) is not null
                        && cells.Get(i.Id, level, territory, month, dimension.Id, dimension.Members[0].Code) is not null)
            .ToList();
        var columns = new List<GridColumn>
        {
            new("member", MemberLabels.T(lang, "col.member")), new("member_name", MemberLabels.T(lang, "col.member_name")),
            new("dimension", MemberLabels.T(lang, "col.dimension")), new("territory_code", MemberLabels.T(lang, "col.territory_code")),
            Columns.Of(lang, "month"),
        };
        columns.AddRange(indicators.Select(i => new GridColumn(i.Id, i.Name(lang), i.Format)));
        var rows = new List<object?[]>();
        if (dimension is not null && indicators.Count > 0)
        {
            object?[] Row(string member, Func<IndicatorInfo, object?> cell) =>
                new object?[] { member, MemberLabels.Member(lang, dimension.Id, member), dimension.Id, territory, month }.Concat(indicators.Select(cell)).ToArray();
            rows.Add(Row("total", i => PublicCellText.Shown(cells.Get(i.Id, level, territory, month))));
            rows.AddRange(dimension.Members.Select(m => Row(m.Code, i => PublicCellText.Shown(cells.Get(i.Id, level, territory, month, dimension.Id, m.Code)))));
        }
        return new Grid("public-members", columns, rows);
    }
}
