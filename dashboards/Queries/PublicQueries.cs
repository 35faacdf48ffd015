using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The public pages: public indicators only, national and regional only, always through disclosure control — the cells
/// of <see cref="MetaQueries.PublicCells"/>, protected once per snapshot by the rule set the open-data release uses.
/// Asking for an ATS, a case manager or a non-public indicator is a scope violation, whoever asks.
/// </summary>
public sealed partial class PublicQueries(MetaQueries meta)
{
    public IReadOnlyList<IndicatorInfo> PublicIndicators() => meta.Catalogue().Where(i => i.IsPublic).ToList();

    private static void RefuseAts(UserScope scope, PanelFilter f)
    {
        if (f.Ats is not null) throw new ScopeViolation(scope.Role, "ATS-level public data");
    }

    /// <summary>Regions × public indicators for the month, with the national row first.</summary>
    public Grid Headlines(UserScope scope, PanelFilter f)
    {
        RefuseAts(scope, f);
        var month = meta.ResolveMonth(f.Month);
        var values = meta.Values();
        // An indicator the warehouse has no national row for in the month (timeliness indicators, censored until
        // 30/90 days after the month's end) gets no column: an empty column reads as broken (see NotYetMeasurable).
        var indicators = PublicIndicators().Where(i => values.Get(i.Id, "national", "IT", month) is not null).ToList();
        var lang = f.Lang;
        var regions = meta.Regions();
        var columns = new List<GridColumn> { Columns.Of(lang, "region_code"), Columns.Of(lang, "territory"), Columns.Of(lang, "month") };
        columns.AddRange(indicators.Select(i => new GridColumn(i.Id, i.Name(lang), i.Format)));

        // Every cell as the one rule set protected it for this snapshot (the open-data release shows the same).
        var cells = meta.PublicCells();
        object? Shown(IndicatorInfo i, string code) =>
            PublicCellText.Shown(cells.Get(i.Id, code == "IT" ? "national" : "region", code, month));
        var national = indicators.Select(i => Shown(i, "IT")).ToList();
        var byRegion = regions.Select(r => indicators.Select(i => Shown(i, r.Code)).ToList()).ToList();
        var rows = new List<object?[]> { new object?[] { "IT", Labels.T(lang, "col.national"), month }.Concat(national).ToArray() };
        rows.AddRange(regions.Select((r, k) => new object?[] { r.Code, r.Name, month }.Concat(byRegion[k]).ToArray()));
        return new Grid("public-headlines", columns, rows);
    }

    /// <summary>Public indicators with no national value in the month (censored): the page names them instead of showing empty columns.</summary>
    public IReadOnlyList<IndicatorInfo> NotYetMeasurable(string month)
    {
        var values = meta.Values();
        return PublicIndicators().Where(i => values.Get(i.Id, "national", "IT", month) is null).ToList();
    }

    /// <summary>A public indicator month by month, nationally and (when asked) for one region.</summary>
    public Grid Trend(UserScope scope, PanelFilter f)
    {
        RefuseAts(scope, f);
        var indicators = PublicIndicators();
        var info = f.Indicator is null ? indicators.FirstOrDefault() : indicators.FirstOrDefault(i => i.Id == f.Indicator);
        if (info is null) throw new ScopeViolation(scope.Role, $"non-public indicator {f.Indicator}");
        var values = meta.Values();
        var regional = f.Region is null ? [] : values.Series(info.Id, "region", f.Region).ToDictionary(v => v.Month);
        var rows = values.Series(info.Id, "national", "IT").Select(n => (National: n, Region: regional.GetValueOrDefault(n.Month))).ToList();
        var lang = f.Lang;
        var columns = new List<GridColumn> { Columns.Of(lang, "month"), Columns.Of(lang, "national", info.Format) };
        if (f.Region is not null)
            columns.Add(new GridColumn("region", meta.Regions().FirstOrDefault(r => r.Code == f.Region)?.Name ?? Labels.T(lang, "col.region") + " " + f.Region, info.Format));
        // The same protected cells as the headlines: a month of the trend hides what that month's table hides.
        var cells = meta.PublicCells();
        return new Grid("public-trend", columns, rows.Select(r =>
        {
            var row = new List<object?> { r.National.Month, PublicCellText.Shown(cells.Get(info.Id, "national", "IT", r.National.Month)) };
            if (f.Region is not null) row.Add(PublicCellText.Shown(cells.Get(info.Id, "region", f.Region, r.National.Month)));
            return row.ToArray();
        }).ToList());
    }
}
