namespace Monitoring.Dashboards.Queries;

/// <summary>An indicator month by month for a territory, beside its region and the nation (planners' comparison, ministry drill-down).</summary>
public sealed class TrendQueries(MetaQueries meta, ScopeRules rules)
{
    public Grid Trend(UserScope scope, PanelFilter f)
    {
        var (level, code) = rules.DefaultTerritory(scope, f);
        rules.RequireTerritory(scope, level, code, "a trend");
        var info = (f.Indicator is null ? meta.ForRole(DashboardRole.DefaultTrend) : meta.Indicator(f.Indicator)) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var region = level == "ats" ? meta.RegionOfAts(code) : level == "region" ? code : null;
        var values = meta.Values();
        var territory = values.Series(info.Id, level, code).ToDictionary(v => v.Month, v => v.Value);
        var regional = region is null ? [] : values.Series(info.Id, "region", region).ToDictionary(v => v.Month, v => v.Value);
        // Every month with a national value, the territory and its region beside it where they have one.
        var rows = values.Series(info.Id, "national", "IT").Select(n => new
        {
            n.Month,
            Territory = territory.GetValueOrDefault(n.Month),
            Region = regional.GetValueOrDefault(n.Month),
            National = n.Value,
        }).ToList();
        var lang = f.Lang;
        var fmt = info.Format;
        var columns = new List<GridColumn> { Columns.Of(lang, "month") };
        // Series are labelled by name (a legend reading "15" says nothing), with the code where it is the usual handle.
        string RegionName(string? c) => meta.Regions().FirstOrDefault(r => r.Code == c)?.Name ?? c ?? "";
        if (level == "region") columns.Add(new GridColumn("territory", $"{RegionName(code)} ({code})", fmt));
        if (level == "ats") columns.Add(new GridColumn("territory", code, fmt));
        if (level == "ats") columns.Add(new GridColumn("region", RegionName(region), fmt));
        columns.Add(Columns.Of(lang, "national", fmt));
        return new Grid("trend", columns, rows.Select(r =>
        {
            var row = new List<object?> { r.Month };
            if (level != "national") row.Add(r.Territory);
            if (level == "ats") row.Add(r.Region);
            row.Add(r.National);
            return row.ToArray();
        }).ToList());
    }
}
