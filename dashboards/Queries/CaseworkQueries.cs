using Monitoring.Dashboards.Localization;
using static Monitoring.Access.Data.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// Coordinators' and case managers' panels. A coordinator sees every case manager of their ATS; a case manager
/// sees only their own rows (the filter is in the SQL, not in the page). People appear only as pseudonymous labels.
/// </summary>
public sealed class CaseworkQueries(WarehouseReader db, MetaQueries meta, ScopeRules rules)
{
    private (string Ats, string? Own) Scope(UserScope scope, PanelFilter f, string what)
    {
        var ats = f.Ats ?? scope.AtsCode ?? throw new ScopeViolation(scope.Role, what);
        rules.RequireCaseworkAts(scope, ats, what);
        return (ats, scope.Role == UserRole.CaseManager ? scope.OperatorKey : null);
    }

    public Grid Workload(UserScope scope, PanelFilter f)
    {
        var (ats, own) = Scope(scope, f, "case-manager workload");
        var month = meta.ResolveMonth(f.Month);
        var processed = meta.CasesProcessedByCaseManager();
        // Case managers active in the month, with their open cases (dash_case_manager_month); leavers still holding
        // cases are listed apart (TeamQueries.Leavers).
        var rows = db.Rows("""
            select cast(case_manager_key as varchar) as case_manager_key, open_cases, max_days, median_days
            from dash_case_manager_month
            where ats_code = $ats and month = $month and ($own is null or case_manager_key = $own)
            """, new { ats, own, month })
            .Select(r => (Key: S(r, "case_manager_key")!, Open: D(r, "open_cases") ?? 0, Processed: processed.Get(month, S(r, "case_manager_key")!) ?? 0,
                          MaxDays: D(r, "max_days"), MedianDays: D(r, "median_days")))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var lang = f.Lang;
        return new Grid("casework-workload",
            [Columns.Of(lang, "case_manager"), Columns.Of(lang, "month"), Columns.Of(lang, "open_cases", "count"), Columns.Of(lang, "processed", "count"),
             Columns.Of(lang, "max_days", "days"), Columns.Of(lang, "median_days", "days")],
            rows.Select(r => new object?[] { CaseManagerLabel.Of(r.Key), month, r.Open, r.Processed, r.MaxDays, r.MedianDays }).ToList());
    }

    /// <summary>The five open cases waiting longest since their last step, for each step they are stuck at.</summary>
    public Grid Waiting(UserScope scope, PanelFilter f)
    {
        var (ats, own) = Scope(scope, f, "waiting cases");
        var rows = db.Rows("""
            with longest as (
                select case_key, case_manager_key, last_event_type, days_since_last_event,
                       case when $own is null then rank_in_ats else rank_in_case_manager end as rank
                from dash_waiting_cases
                where ats_code = $ats and ($own is null or case_manager_key = $own)
            )
            select * from longest where rank <= 5
            order by last_event_type, rank
            """, new { ats, own });
        var lang = f.Lang;
        return new Grid("casework-waiting",
            [Columns.Of(lang, "step"), Columns.Of(lang, "case"), Columns.Of(lang, "case_manager"), Columns.Of(lang, "days_waiting", "days")],
            rows.Select(r => new object?[] { Labels.T(lang, "step." + S(r, "last_event_type")), CaseManagerLabel.OfCase(S(r, "case_key")),
                CaseManagerLabel.Of(S(r, "case_manager_key")), D(r, "days_since_last_event") }).ToList());
    }

    /// <summary>Median days from opening to each step: own cases (case manager), the ATS, and the nation.</summary>
    public Grid StepTiming(UserScope scope, PanelFilter f)
    {
        var (ats, own) = Scope(scope, f, "step timing");
        var medians = Medians(ats, own);
        var rows = new[] { "days_to_convocation", "days_to_first_meeting", "days_to_plan" }
            .Select(step => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["step"] = step, ["own"] = medians["own_" + step], ["ats"] = medians["ats_" + step], ["national"] = medians["national_" + step],
            }).ToList();
        var lang = f.Lang;
        var columns = new List<GridColumn> { Columns.Of(lang, "step") };
        if (own is not null) columns.Add(Columns.Of(lang, "own", "days"));
        columns.Add(Columns.Of(lang, "ats_median", "days"));
        columns.Add(Columns.Of(lang, "national_median", "days"));
        return new Grid("casework-steps", columns, rows.Select(r =>
        {
            var row = new List<object?> { Labels.T(lang, "step." + S(r, "step")) };
            if (own is not null) row.Add(D(r, "own"));
            row.Add(D(r, "ats"));
            row.Add(D(r, "national"));
            return row.ToArray();
        }).ToList());
    }

    /// <summary>The medians from the snapshot's dash_step_medians mart: three lookups, whatever the scale.</summary>
    private IDictionary<string, object?> Medians(string ats, string? own)
    {
        var rows = db.Rows("""
            with wanted as (
                select level, median_days_to_convocation, median_days_to_first_meeting, median_days_to_plan
                from dash_step_medians
                where (level = 'national' and territory_code = 'IT')
                   or (level = 'ats' and territory_code = $ats)
                   or (level = 'case_manager' and territory_code = $own)
            )
            select * from wanted
            """, new { ats, own });
        var medians = new Dictionary<string, object?>();
        foreach (var (level, prefix) in new[] { ("national", "national_"), ("ats", "ats_"), ("case_manager", "own_") })
        {
            var row = rows.FirstOrDefault(r => S(r, "level") == level);
            foreach (var step in new[] { "days_to_convocation", "days_to_first_meeting", "days_to_plan" })
                medians[prefix + step] = row?["median_" + step];
        }
        return medians;
    }
}
