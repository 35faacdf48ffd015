using Monitoring.Dashboards.Localization;
using static Monitoring.Access.Data.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The coordinator's team panels (issue 16): step timing per case manager against the ATS and national medians,
/// the queue of open cases with no case manager, leavers who still hold open cases, and who can take the next
/// case. Coordinator only: these panels compare colleagues, which a case manager does not see. People appear
/// only as pseudonymous labels; the GePI id lookup (Team/TeamRecognition) marks a row without storing anything.
/// </summary>
public sealed class TeamQueries(WarehouseReader db, MetaQueries meta, ScopeRules rules)
{
    /// <summary>Below this many timed cases a case manager's median is shown but not compared.</summary>
    public const int MinCasesToCompare = 10;

    private static readonly string[] Steps = ["days_to_convocation", "days_to_first_meeting", "days_to_plan"];

    private string CoordinatorAts(UserScope scope, PanelFilter f, string what)
    {
        rules.RequireRole(scope, what, UserRole.Coordinator);
        var ats = f.Ats ?? scope.AtsCode ?? throw new ScopeViolation(scope.Role, what);
        rules.RequireCaseworkAts(scope, ats, what);
        return ats;
    }

    /// <summary>Per case manager of the ATS and step: n timed cases, their median, the ATS and national medians.</summary>
    public Grid StepsPerCaseManager(UserScope scope, PanelFilter f)
    {
        var ats = CoordinatorAts(scope, f, "step timing per case manager");
        // Per case manager over the ATS's own cases (dash_case_manager_steps), beside the ATS and national medians (dash_step_medians).
        var own = db.Rows("""
            select cast(case_manager_key as varchar) as case_manager_key,
                   n_days_to_convocation, m_days_to_convocation, n_days_to_first_meeting, m_days_to_first_meeting,
                   n_days_to_plan, m_days_to_plan
            from dash_case_manager_steps where ats_code = $ats
            order by case_manager_key
            """, new { ats });
        var reference = db.Rows("""
            select level, median_days_to_convocation as days_to_convocation, median_days_to_first_meeting as days_to_first_meeting,
                   median_days_to_plan as days_to_plan
            from dash_step_medians where (level = 'national' and territory_code = 'IT') or (level = 'ats' and territory_code = $ats)
            """, new { ats });
        var national = reference.FirstOrDefault(r => S(r, "level") == "national");
        var atsRow = reference.FirstOrDefault(r => S(r, "level") == "ats");
        var lang = f.Lang;
        var rows = new List<object?[]>();
        foreach (var r in own)
            foreach (var step in Steps)
            {
                var n = (long)(D(r, "n_" + step) ?? 0);
                var median = D(r, "m_" + step);
                var atsMedian = atsRow is null ? null : D(atsRow, step);
                var compare = n < MinCasesToCompare || median is null || atsMedian is null ? "col.too_few"
                    : median > atsMedian ? "col.slower" : "col.faster";
                rows.Add([CaseManagerLabel.Of(S(r, "case_manager_key")), Labels.T(lang, "step." + step), n, median,
                          atsMedian, national is null ? null : D(national, step), TeamLabels.T(lang, compare)]);
            }
        return new Grid("casework-steps-per-cm",
            [Columns.Of(lang, "case_manager"), Columns.Of(lang, "step"), TeamLabels.Column(lang, "cases", "count"), TeamLabels.Column(lang, "cm_median", "days"),
             Columns.Of(lang, "ats_median", "days"), Columns.Of(lang, "national_median", "days"), TeamLabels.Column(lang, "compare")], rows);
    }

    /// <summary>Open cases of the ATS with no case manager, oldest first, with the days they have waited since opening.</summary>
    public Grid Unassigned(UserScope scope, PanelFilter f)
    {
        var ats = CoordinatorAts(scope, f, "unassigned cases");
        var rows = db.Rows("""
            select cast(case_key as varchar) as case_key, opened_date, last_event_type, days_open
            from dash_unassigned_cases where ats_code = $ats
            order by opened_date, dash_unassigned_cases.case_key
            """, new { ats });
        var lang = f.Lang;
        return new Grid("casework-unassigned",
            [Columns.Of(lang, "case"), TeamLabels.Column(lang, "opened_date", "date"), TeamLabels.Column(lang, "days_open", "days"), Columns.Of(lang, "step")],
            rows.Select(r => new object?[] { CaseManagerLabel.OfCase(S(r, "case_key")), DateOf(r["opened_date"]), D(r, "days_open"),
                S(r, "last_event_type") is { } s ? Labels.T(lang, "step." + s) : "" }).ToList());
    }

    /// <summary>Case managers of the ATS not active in the month who still hold open cases.</summary>
    public Grid Leavers(UserScope scope, PanelFilter f)
    {
        var ats = CoordinatorAts(scope, f, "case managers who have left");
        var month = meta.ResolveMonth(f.Month);
        var rows = db.Rows("""
            select cast(operator_key as varchar) as operator_key, active_to, open_cases
            from dash_case_manager_leavers where ats_code = $ats and month = $month
            order by open_cases desc, operator_key
            """, new { ats, month });
        var lang = f.Lang;
        return new Grid("casework-leavers",
            [Columns.Of(lang, "case_manager"), TeamLabels.Column(lang, "active_to", "date"), Columns.Of(lang, "open_cases", "count")],
            rows.Select(r => new object?[] { CaseManagerLabel.Of(S(r, "operator_key")), DateOf(r["active_to"]), D(r, "open_cases") }).ToList());
    }

    /// <summary>Case managers active in the month, lowest open caseload per FTE first: who can take the next case.</summary>
    public Grid NextCase(UserScope scope, PanelFilter f)
    {
        var ats = CoordinatorAts(scope, f, "next-case suggestion");
        var month = meta.ResolveMonth(f.Month);
        var rows = db.Rows("""
            select cast(case_manager_key as varchar) as operator_key, open_cases, fte, open_per_fte
            from dash_case_manager_month where ats_code = $ats and month = $month
            order by open_per_fte nulls last, open_cases, operator_key
            """, new { ats, month });
        var lang = f.Lang;
        return new Grid("casework-next",
            [TeamLabels.Column(lang, "rank", "count"), Columns.Of(lang, "case_manager"), Columns.Of(lang, "open_cases", "count"),
             TeamLabels.Column(lang, "fte", "decimal"), TeamLabels.Column(lang, "open_per_fte", "decimal")],
            rows.Select((r, i) => new object?[] { i + 1, CaseManagerLabel.Of(S(r, "operator_key")), D(r, "open_cases"), D(r, "fte"), D(r, "open_per_fte") }).ToList());
    }

    /// <summary>Whether an operator key (the pseudonym the server computed from a typed GePI id) belongs to the ATS.</summary>
    public bool IsOperatorOfAts(UserScope scope, string ats, string operatorKey)
    {
        rules.RequireRole(scope, "team recognition", UserRole.Coordinator);
        rules.RequireCaseworkAts(scope, ats, "team recognition");
        return db.Rows("select 1 as found from dim_operator where ats_code = $ats and cast(operator_key as varchar) = $key limit 1",
            new { ats, key = operatorKey }).Count > 0;
    }

    private static string? DateOf(object? v) => v switch
    {
        DateTime d => d.ToString("yyyy-MM-dd"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        null => null,
        _ => v.ToString(),
    };
}
