using Monitoring.Warehouse.FollowUp;
using Monitoring.Dashboards.Localization;
using static Monitoring.Dashboards.Queries.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>The ministry's panels: headline tiles, red flags with follow-up, funnel plot, region × indicator heat table, drill-down.</summary>
public sealed class MinistryQueries(WarehouseReader db, MetaQueries meta, ScopeRules rules, FollowUpRegister followUp)
{
    public const string UnderperformingIndicator = "cases_processed_per_case_manager";
    private const double ZWarning = 1.96, ZAlarm = 3.09;

    /// <summary>National value of every indicator in the month (the tiles).</summary>
    public Grid Headlines(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "national headlines", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var catalogue = meta.Catalogue().ToDictionary(i => i.Id);
        var rows = db.Rows("""
            with national as (
                select indicator_id, numerator, denominator, value
                from indicator_values
                where level = 'national' and territory_code = 'IT' and month = $month
            )
            select * from national order by indicator_id
            """, new { month });
        var lang = f.Lang;
        return new Grid("ministry-headlines",
            [Columns.Of(lang, "indicator_id"), Columns.Of(lang, "indicator"), Columns.Of(lang, "month"), Columns.Of(lang, "value"),
             Columns.Of(lang, "numerator", "number"), Columns.Of(lang, "denominator", "number")],
            rows.Where(r => catalogue.ContainsKey(S(r, "indicator_id")!)).Select(r =>
            {
                var info = catalogue[S(r, "indicator_id")!];
                return new object?[] { info.Id, info.Name(lang), month, D(r, "value") is double v ? GridFormat.Number(v, info.Format) : null, D(r, "numerator"), D(r, "denominator") };
            }).ToList());
    }

    /// <summary>Red flags of the month, alarm before warning, persistent first, then by distance in standard errors.</summary>
    public Grid Flags(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "red flags", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var rows = db.Rows("""
            with flagged as (
                select * from flags
                where month = $month and severity in ('alarm', 'warning')
                  and ($indicator is null or indicator_id = $indicator)
            ),
            named as (
                select f.*, a.ats_name, a.region_name
                from flagged f left join dim_ats a using (ats_code)
            )
            select * from named
            order by case severity when 'alarm' then 0 when 'warning' then 1 else 2 end,
                     persistent desc, abs(z) desc nulls last, ats_code
            """, new { month, indicator = f.Indicator });
        var follow = followUp.ReadAll().ToDictionary(e => (e.IndicatorId, e.AtsCode, e.Month));
        var names = meta.Catalogue().ToDictionary(i => i.Id);
        var lang = f.Lang;
        return new Grid("ministry-flags",
            [Columns.Of(lang, "indicator_id"), Columns.Of(lang, "indicator"), Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "region"),
             Columns.Of(lang, "month"), Columns.Of(lang, "severity"), Columns.Of(lang, "persistent"), Columns.Of(lang, "value", "number"),
             Columns.Of(lang, "national", "number"), Columns.Of(lang, "n", "number"), Columns.Of(lang, "z", "number"), Columns.Of(lang, "method"),
             Columns.Of(lang, "plain_rule"), Columns.Of(lang, "status"), Columns.Of(lang, "notes")],
            rows.Select(r =>
            {
                var id = S(r, "indicator_id")!;
                var ats = S(r, "ats_code")!;
                follow.TryGetValue((id, ats, month), out var entry);
                return new object?[]
                {
                    id, names.TryGetValue(id, out var info) ? info.Name(lang) : id, ats, S(r, "ats_name"), S(r, "region_name"), month,
                    S(r, "severity"), B(r, "persistent") ? Labels.T(lang, "yes") : Labels.T(lang, "no"),
                    D(r, "value"), D(r, "national_value"), D(r, "n"), D(r, "z"), S(r, "method"),
                    B(r, "plain_rule_breach") ? Labels.T(lang, "yes") : Labels.T(lang, "no"),
                    FollowUpStatusText.ToText(entry?.Status ?? FollowUpStatus.Open), entry?.Notes,
                };
            }).ToList());
    }

    /// <summary>
    /// Funnel plot data: each ATS's value against its denominator, with 95% and 99.8% limits around the national
    /// value at that denominator: the warehouse's limits from `flags` (overdispersion included) where it computed
    /// them, else the plain normal approximation (binomial for proportions, Poisson for rates).
    /// </summary>
    public Grid Funnel(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "funnel plot", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var info = meta.Indicator(f.Indicator ?? UnderperformingIndicator) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var rows = db.Rows("""
            with national as (
                select value as p0 from indicator_values
                where indicator_id = $indicator and level = 'national' and month = $month
            ),
            ats as (
                select territory_code as ats_code, denominator as n, value
                from indicator_values
                where indicator_id = $indicator and level = 'ats' and month = $month and denominator > 0
            ),
            flagged as (
                select ats_code, severity, lower_alarm, lower_warning, upper_warning, upper_alarm
                from flags where indicator_id = $indicator and month = $month
            )
            select ats.*, d.ats_name, national.p0, flagged.severity,
                   flagged.lower_alarm, flagged.lower_warning, flagged.upper_warning, flagged.upper_alarm
            from ats cross join national
            left join dim_ats d using (ats_code)
            left join flagged using (ats_code)
            order by ats.n, ats.ats_code
            """, new { indicator = info.Id, month });
        var proportion = info.Format == "percent";
        var lang = f.Lang;
        var fmt = info.Format;
        return new Grid("ministry-funnel",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "n", "number"), Columns.Of(lang, "value", fmt),
             Columns.Of(lang, "national", fmt), Columns.Of(lang, "lower_alarm", fmt), Columns.Of(lang, "lower_warning", fmt),
             Columns.Of(lang, "upper_warning", fmt), Columns.Of(lang, "upper_alarm", fmt), Columns.Of(lang, "severity")],
            rows.Select(r =>
            {
                var n = D(r, "n") ?? 0;
                var p0 = D(r, "p0") ?? 0;
                return new object?[]
                {
                    S(r, "ats_code"), S(r, "ats_name"), n, D(r, "value"), p0,
                    D(r, "lower_alarm") ?? Limit(p0, n, -ZAlarm, proportion), D(r, "lower_warning") ?? Limit(p0, n, -ZWarning, proportion),
                    D(r, "upper_warning") ?? Limit(p0, n, ZWarning, proportion), D(r, "upper_alarm") ?? Limit(p0, n, ZAlarm, proportion),
                    S(r, "severity") is "none" ? null : S(r, "severity"),
                };
            }).ToList());
    }

    /// <summary>A control limit at denominator n: p0 + z·sqrt(p0(1−p0)/n) for proportions, λ0 + z·sqrt(λ0/n) for rates.</summary>
    public static double Limit(double p0, double n, double z, bool proportion)
    {
        if (n <= 0) return p0;
        var se = proportion ? Math.Sqrt(Math.Max(p0 * (1 - p0), 0) / n) : Math.Sqrt(Math.Max(p0, 0) / n);
        var limit = p0 + z * se;
        return proportion ? Math.Clamp(limit, 0, 1) : Math.Max(0, limit);
    }

    /// <summary>Regions × indicators for the month, with the national row last (the heat table colours by ratio to it).</summary>
    public Grid Heat(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "region × indicator table", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var catalogue = meta.Catalogue();
        var values = db.Rows("""
            select level, territory_code, indicator_id, value
            from indicator_values
            where level in ('region', 'national') and month = $month
            """, new { month }).ToDictionary(r => (S(r, "territory_code")!, S(r, "indicator_id")!), r => D(r, "value"));
        var lang = f.Lang;
        var columns = new List<GridColumn> { Columns.Of(lang, "region_code"), Columns.Of(lang, "region") };
        columns.AddRange(catalogue.Select(i => new GridColumn(i.Id, i.Name(lang), i.Format)));
        var territories = meta.Regions().Append(new Territory("IT", Labels.T(lang, "col.national")));
        var rows = territories.Select(t =>
        {
            var row = new List<object?> { t.Code, t.Name };
            row.AddRange(catalogue.Select(i => values.TryGetValue((t.Code, i.Id), out var v) ? (object?)v : null));
            return row.ToArray();
        }).ToList();
        return new Grid("ministry-heat", columns, rows);
    }

    /// <summary>Drill-down from a region: its ATS with the indicator's value, denominator and the national value.</summary>
    public Grid RegionAts(UserScope scope, PanelFilter f)
    {
        var region = f.Region ?? throw new ScopeViolation(scope.Role, "a drill-down without a region");
        rules.RequireRegion(scope, region, "ATS of a region");
        rules.RequireRole(scope, "ATS of a region", UserRole.Ministry, UserRole.PlannerRegion);
        var month = meta.ResolveMonth(f.Month);
        var info = meta.Indicator(f.Indicator ?? UnderperformingIndicator) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var rows = db.Rows("""
            with in_region as (
                select ats_code, ats_name from dim_ats where region_code = $region
            ),
            ats_values as (
                select territory_code as ats_code, value, numerator, denominator
                from indicator_values where indicator_id = $indicator and level = 'ats' and month = $month
            ),
            national as (
                select value as national from indicator_values
                where indicator_id = $indicator and level = 'national' and month = $month
            )
            select r.ats_code, r.ats_name, v.value, v.numerator, v.denominator, national.national
            from in_region r left join ats_values v using (ats_code) cross join national
            order by r.ats_code
            """, new { region, indicator = info.Id, month });
        var lang = f.Lang;
        return new Grid("ministry-drill",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "month"), Columns.Of(lang, "value", info.Format),
             Columns.Of(lang, "numerator", "number"), Columns.Of(lang, "denominator", "number"), Columns.Of(lang, "national", info.Format)],
            rows.Select(r => new object?[] { S(r, "ats_code"), S(r, "ats_name"), month, D(r, "value"), D(r, "numerator"), D(r, "denominator"), D(r, "national") }).ToList());
    }

    /// <summary>Sets a flag's follow-up status and notes (ministry only; the register survives every reload).</summary>
    public void SetFollowUp(UserScope scope, string indicatorId, string atsCode, string month, string status, string? notes)
    {
        rules.RequireRole(scope, "the follow-up register", UserRole.Ministry);
        FollowUpStatus parsed;
        try { parsed = FollowUpStatusText.Parse(status); }
        catch (FormatException) { throw new ArgumentException("unknown follow-up status"); }
        // Notes are replaced as typed (an empty box clears them); who changed it is recorded by role, not by name.
        followUp.SetStatus(indicatorId, atsCode, month, parsed, scope.Role, notes?.Trim() ?? "");
    }
}
