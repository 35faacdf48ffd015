using Monitoring.Dashboards.Localization;
using static Monitoring.Access.Data.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The planners' comparison, staffing-in-FTE and budget panels (issue 16). A regional planner (or the Ministry,
/// with ?region=) sees every ATS of the region by name; an ATS planner sees its own ATS and the region's other ATS
/// only as a distribution. Staffing is counted in full-time equivalents (weekly hours / 36), because Law 178/2020
/// pays its contribution per full-time worker, not per head.
/// </summary>
public sealed class RegionPlannerQueries(WarehouseReader db, MetaQueries meta, ScopeRules rules)
{
    /// <summary>
    /// The yearly cost of one full-time social worker used to turn a fund's uncommitted money into hires. An
    /// assumption, stated on the page, read with its source from reference/staffing-cost.json (<see cref="StaffingCost"/>).
    /// </summary>
    public static double CostPerFteEur => StaffingCost.PerFteEur;

    // the catalogue's flags block (sql/indicators/catalogue.json) is the one place these thresholds are written
    private static readonly double ZWarning = Monitoring.Warehouse.Flags.FlagOptions.Default.WarningZ, ZAlarm = Monitoring.Warehouse.Flags.FlagOptions.Default.AlarmZ;

    /// <summary>The region a regional view is about: the planner's own, or the Ministry's ?region=.</summary>
    private string Region(UserScope scope, PanelFilter f, string what)
    {
        rules.RequireRole(scope, what, UserRole.Ministry, UserRole.PlannerRegion);
        var region = f.Region ?? scope.RegionCode ?? throw new ScopeViolation(scope.Role, what);
        rules.RequireRegion(scope, region, what);
        return region;
    }

    /// <summary>The ATS a staffing/budget view covers: every ATS of the region for a regional view, the own ATS for an ATS planner.</summary>
    private IReadOnlyList<Territory> AtsInScope(UserScope scope, PanelFilter f, string what)
    {
        if (scope.Role == UserRole.PlannerAts)
        {
            var own = scope.AtsCode ?? throw new ScopeViolation(scope.Role, what);
            if (f.Ats is not null && f.Ats != own) throw new ScopeViolation(scope.Role, $"{what} for ATS {f.Ats}");
            return meta.Ats().Where(a => a.Code == own).ToList();
        }
        return meta.Ats(Region(scope, f, what)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
    }

    private IndicatorInfo IndicatorOf(UserScope scope, PanelFilter f)
        => (f.Indicator is null ? meta.ForRole(DashboardRole.DefaultTrend) : meta.Indicator(f.Indicator)) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");

    /// <summary>Every ATS of the region for the indicator, with the regional and national values and the funnel limits at its denominator.</summary>
    public Grid RegionAts(UserScope scope, PanelFilter f)
    {
        var region = Region(scope, f, "ATS of the region side by side");
        var month = meta.ResolveMonth(f.Month);
        var info = IndicatorOf(scope, f);
        var values = meta.Values();
        var national = values.Get(info.Id, "national", "IT", month)?.Value;
        var regional = values.Get(info.Id, "region", region, month)?.Value;
        var proportion = info.Format == "percent";
        var lang = f.Lang;
        var rows = meta.Ats(region).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a =>
        {
            var v = values.Get(info.Id, "ats", a.Code, month);
            var n = v?.Denominator ?? 0;
            double? L(double z) => national is { } p0 && n > 0 ? MinistryQueries.Limit(p0, n, z, proportion) : null;
            return new object?[] { a.Code, a.Name, v?.Value, v?.Denominator, regional, national, L(-ZAlarm), L(-ZWarning), L(ZWarning), L(ZAlarm) };
        }).ToList();
        var fmt = info.Format;
        return new Grid("planner-region-ats",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "value", fmt), Columns.Of(lang, "denominator", "number"),
             PlannerLabels.Column(lang, "regional", fmt), Columns.Of(lang, "national", fmt), Columns.Of(lang, "lower_alarm", fmt),
             Columns.Of(lang, "lower_warning", fmt), Columns.Of(lang, "upper_warning", fmt), Columns.Of(lang, "upper_alarm", fmt)], rows);
    }

    /// <summary>An ATS planner's ATS against the other ATS of its region, these only as a distribution (never named).</summary>
    public Grid AtsPeers(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "ATS against its region", UserRole.PlannerAts);
        var own = scope.AtsCode ?? throw new ScopeViolation(scope.Role, "ATS against its region");
        if (f.Ats is not null && f.Ats != own) throw new ScopeViolation(scope.Role, $"ATS against its region for ATS {f.Ats}");
        var region = meta.RegionOfAts(own) ?? throw new ScopeViolation(scope.Role, "ATS against its region");
        var month = meta.ResolveMonth(f.Month);
        var info = IndicatorOf(scope, f);
        var values = meta.Values();
        var peers = meta.Ats(region).Where(a => a.Code != own)
            .Select(a => values.Get(info.Id, "ats", a.Code, month)?.Value).OfType<double>().OrderBy(v => v).ToList();
        var lang = f.Lang;
        var fmt = info.Format;
        return new Grid("planner-ats-peers",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "value", fmt), PlannerLabels.Column(lang, "peers", "count"), PlannerLabels.Column(lang, "peer_min", fmt),
             PlannerLabels.Column(lang, "peer_p25", fmt), PlannerLabels.Column(lang, "peer_median", fmt), PlannerLabels.Column(lang, "peer_p75", fmt),
             PlannerLabels.Column(lang, "peer_max", fmt), PlannerLabels.Column(lang, "regional", fmt), Columns.Of(lang, "national", fmt)],
            [[own, values.Get(info.Id, "ats", own, month)?.Value, peers.Count,
              Quantile(peers, 0), Quantile(peers, .25), Quantile(peers, .5), Quantile(peers, .75), Quantile(peers, 1),
              values.Get(info.Id, "region", region, month)?.Value, values.Get(info.Id, "national", "IT", month)?.Value]]);
    }

    /// <summary>Linear-interpolated quantile (type 7, as DuckDB's quantile_cont), null for no values.</summary>
    public static double? Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return null;
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Per ATS: residents and households per FTE against the region and the nation, the FTE needed for 1:5,000 and
    /// 1:4,000, and the State's yearly contribution for today's FTE and at each standard (StaffingPlanner's bands).
    /// </summary>
    public Grid StaffingFte(UserScope scope, PanelFilter f)
    {
        var list = AtsInScope(scope, f, "staffing in FTE");
        var month = meta.ResolveMonth(f.Month);
        var values = meta.Values();
        // What each figure counts is the catalogue's dashboard role of an indicator, read from its numerator.
        string residents = meta.ForRole(DashboardRole.Residents).Id, fteId = meta.ForRole(DashboardRole.CaseManagerFte).Id,
            heads = meta.ForRole(DashboardRole.CaseManagers).Id, households = meta.ForRole(DashboardRole.HouseholdsPaid).Id;
        double Num(string id, string level, string code) => values.Get(id, level, code, month)?.Numerator ?? 0;
        double? PerFte(string id, string level, string code)
            => Num(fteId, level, code) is > 0 and var fte ? Num(id, level, code) / fte : null;
        var region = list.Count > 0 ? list[0].RegionCode ?? meta.RegionOfAts(list[0].Code) : null;
        var lang = f.Lang;
        var rows = list.Select(a =>
        {
            var population = Num(residents, "ats", a.Code);
            var fte = Num(fteId, "ats", a.Code);
            var need5000 = Math.Max(0, population / StaffingPlanner.EssentialRatio - fte);
            var need4000 = Math.Max(0, population / StaffingPlanner.TargetRatio - fte);
            return new object?[]
            {
                a.Code, a.Name, population, Num(heads, "ats", a.Code), fte,
                PerFte(residents, "ats", a.Code),
                region is null ? null : PerFte(residents, "region", region), PerFte(residents, "national", "IT"),
                PerFte(households, "ats", a.Code),
                region is null ? null : PerFte(households, "region", region), PerFte(households, "national", "IT"),
                population > 0 && fte * StaffingPlanner.EssentialRatio >= population ? "✓" : "✗",
                need5000, need4000,
                StaffingPlanner.Contribution(population, fte),
                StaffingPlanner.Contribution(population, fte + need5000),
                StaffingPlanner.Contribution(population, fte + need4000),
            };
        }).ToList();
        return new Grid("planner-staffing-fte",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), PlannerLabels.Column(lang, "population", "count"), PlannerLabels.Column(lang, "heads", "count"),
             PlannerLabels.Column(lang, "fte", "number"), PlannerLabels.Column(lang, "residents_per_fte", "count"), PlannerLabels.Column(lang, "region_residents_per_fte", "count"),
             PlannerLabels.Column(lang, "national_residents_per_fte", "count"), PlannerLabels.Column(lang, "households_per_fte", "number"),
             PlannerLabels.Column(lang, "region_households_per_fte", "number"), PlannerLabels.Column(lang, "national_households_per_fte", "number"),
             PlannerLabels.Column(lang, "meets_5000"), PlannerLabels.Column(lang, "fte_for_5000", "number"), PlannerLabels.Column(lang, "fte_for_4000", "number"),
             PlannerLabels.Column(lang, "contribution_now", "eur"), PlannerLabels.Column(lang, "contribution_at_5000", "eur"),
             PlannerLabels.Column(lang, "contribution_at_4000", "eur")], rows);
    }

    /// <summary>The budget by ATS, year and fund, with the money not yet committed and the full-time hires it could pay for a year.</summary>
    public Grid Budget(UserScope scope, PanelFilter f)
    {
        var list = AtsInScope(scope, f, "budget by fund");
        var names = list.ToDictionary(a => a.Code, a => a.Name);
        var region = list.Count > 0 ? meta.RegionOfAts(list[0].Code) : null;
        // One region's lines from the warehouse, then only the ATS in scope (an ATS planner: its own).
        var rows = region is null ? [] : db.Rows("""
            select ats_code, year, fund, allocated_eur, committed_eur, spent_eur
            from dash_budget where region_code = $region
            order by ats_code, year, fund
            """, new { region }).Where(r => names.ContainsKey(S(r, "ats_code")!)).ToList();
        var lang = f.Lang;
        return new Grid("planner-budget",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), PlannerLabels.Column(lang, "year"), PlannerLabels.Column(lang, "fund"),
             PlannerLabels.Column(lang, "allocated", "eur"), PlannerLabels.Column(lang, "committed", "eur"), PlannerLabels.Column(lang, "spent", "eur"),
             PlannerLabels.Column(lang, "uncommitted", "eur"), PlannerLabels.Column(lang, "hires_payable", "count")],
            rows.Select(r =>
            {
                var allocated = D(r, "allocated_eur") ?? 0;
                var uncommitted = Math.Max(0, allocated - (D(r, "committed_eur") ?? 0));
                var ats = S(r, "ats_code")!;
                return new object?[] { ats, names.GetValueOrDefault(ats), Convert.ToString(r["year"]), S(r, "fund"), allocated, D(r, "committed_eur"),
                    D(r, "spent_eur"), uncommitted, Math.Floor(uncommitted / CostPerFteEur) };
            }).ToList());
    }
}
