using static Monitoring.Dashboards.Queries.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>An indicator month by month for a territory, beside its region and the nation (planners' comparison, ministry drill-down).</summary>
public sealed class TrendQueries(WarehouseReader db, MetaQueries meta, ScopeRules rules)
{
    public const string DefaultIndicator = "cases_processed_per_case_manager";

    public Grid Trend(UserScope scope, PanelFilter f)
    {
        var (level, code) = rules.DefaultTerritory(scope, f);
        rules.RequireTerritory(scope, level, code, "a trend");
        var info = meta.Indicator(f.Indicator ?? DefaultIndicator) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var region = level == "ats" ? meta.RegionOfAts(code) : level == "region" ? code : null;
        var rows = db.Rows("""
            with territory as (
                select month, value from indicator_values
                where indicator_id = $indicator and level = $level and territory_code = $code
            ),
            region as (
                select month, value from indicator_values
                where indicator_id = $indicator and level = 'region' and territory_code = $region
            ),
            national as (
                select month, value from indicator_values
                where indicator_id = $indicator and level = 'national' and territory_code = 'IT'
            )
            select n.month, t.value as territory, r.value as region, n.value as national
            from national n
            left join territory t using (month)
            left join region r using (month)
            order by n.month
            """, new { indicator = info.Id, level, code, region });
        var lang = f.Lang;
        var fmt = info.Format;
        var columns = new List<GridColumn> { Columns.Of(lang, "month") };
        if (level != "national") columns.Add(new GridColumn("territory", code, fmt));
        if (level == "ats") columns.Add(new GridColumn("region", Localization.Labels.T(lang, "col.region") + " " + region, fmt));
        columns.Add(Columns.Of(lang, "national", fmt));
        return new Grid("trend", columns, rows.Select(r =>
        {
            var row = new List<object?> { S(r, "month") };
            if (level != "national") row.Add(D(r, "territory"));
            if (level == "ats") row.Add(D(r, "region"));
            row.Add(D(r, "national"));
            return row.ToArray();
        }).ToList());
    }
}
