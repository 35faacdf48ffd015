using Monitoring.DataDir.FollowUp;
using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Queries;

/// <summary>The ministry's panels: headline tiles, red flags with follow-up, funnel plot, region × indicator heat table, drill-down.</summary>
public sealed class MinistryQueries(MetaQueries meta, ScopeRules rules, FollowUpCache followUp)
{
    private readonly RecordingCheck recording = new(meta);

    /// <summary>The indicator of the page when the URL names none: the catalogue's "underperforming" one.</summary>
    private IndicatorInfo? IndicatorOf(UserScope scope, PanelFilter f)
        => f.Indicator is null ? meta.ForRole(DashboardRole.Underperforming) : meta.Indicator(f.Indicator);

    // the catalogue's flags block (sql/indicators/catalogue.json) is the one place these thresholds are written
    private static readonly double ZWarning = Monitoring.Warehouse.Flags.FlagOptions.Default.WarningZ, ZAlarm = Monitoring.Warehouse.Flags.FlagOptions.Default.AlarmZ;

    /// <summary>National value of every indicator in the month (the tiles).</summary>
    public Grid Headlines(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "national headlines", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var catalogue = meta.Catalogue().ToDictionary(i => i.Id);
        var values = meta.Values();
        var lang = f.Lang;
        // The catalogue's headline order first, then the rest by id; beside each value its programme target, if any:
        // a value to stay at most / at least at, or the days within which each case should reach the step counted.
        return new Grid("ministry-headlines",
            [Columns.Of(lang, "indicator_id"), Columns.Of(lang, "indicator"), Columns.Of(lang, "month"), Columns.Of(lang, "value"),
             DimensionLabels.Column(lang, "target"), DimensionLabels.Column(lang, "target_rule"),
             Columns.Of(lang, "numerator", "number"), Columns.Of(lang, "denominator", "number")],
            catalogue.Values.OrderBy(i => i.Headline ?? int.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => values.Get(i.Id, "national", "IT", month))
                .OfType<IndicatorValue>()
                .Select(v =>
                {
                    var info = catalogue[v.IndicatorId];
                    var target = info.Target;
                    return new object?[]
                    {
                        info.Id, info.Name(lang), month, v.Value is double d ? new FormattedNumber(d, info.Format) : null,
                        target is { OnValue: true } ? new FormattedNumber(target.Value, info.Format) : null,
                        target is null ? null : (target.OnValue ? DimensionLabels.T(lang, "target." + target.Comparison) + ": " : "") + target.Text(lang),
                        v.Numerator, v.Denominator,
                    };
                }).ToList());
    }

    /// <summary>Red flags of the month, alarm before warning, persistent first, then by distance in standard errors.</summary>
    public Grid Flags(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "red flags", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var regions = meta.Regions().ToDictionary(r => r.Code, r => r.Name);
        var ats = meta.Ats().ToDictionary(a => a.Code);
        // Alarm before warning, persistent first, then by distance in standard errors; ties in a fixed order.
        var rows = meta.Flags().Flagged(month)
            .Where(p => f.Indicator is null || p.IndicatorId == f.Indicator)
            .OrderBy(p => p.Severity == "alarm" ? 0 : 1)
            .ThenByDescending(p => p.Persistent)
            .ThenByDescending(p => p.Z is double z ? Math.Abs(z) : double.NegativeInfinity)
            .ThenBy(p => p.AtsCode, StringComparer.Ordinal)
            .ThenBy(p => p.IndicatorId, StringComparer.Ordinal)
            .ToList();
        var follow = followUp.All();
        var names = meta.Catalogue().ToDictionary(i => i.Id);
        var lang = f.Lang;
        return new Grid("ministry-flags",
            [Columns.Of(lang, "indicator_id"), Columns.Of(lang, "indicator"), Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "region"),
             Columns.Of(lang, "month"), Columns.Of(lang, "severity"), Columns.Of(lang, "persistent"), Columns.Of(lang, "value", "number"),
             Columns.Of(lang, "national", "number"), Columns.Of(lang, "n", "number"), Columns.Of(lang, "z", "number"), Columns.Of(lang, "method"),
             Columns.Of(lang, "plain_rule"), Columns.Of(lang, "status"), Columns.Of(lang, "notes"),
             EpisodeLabels.Column(lang, "check_recording"), EpisodeLabels.Column(lang, "data_quality")],
            rows.Select(p =>
            {
                var entry = follow.ForMonth(p.IndicatorId, p.AtsCode, month);
                var territory = ats.GetValueOrDefault(p.AtsCode);
                // Beside every flag: the ATS's data-quality indicators out of range in the month.
                var findings = recording.OutOfRange(p.AtsCode, month);
                return new object?[]
                {
                    p.IndicatorId, names.TryGetValue(p.IndicatorId, out var info) ? info.Name(lang) : p.IndicatorId, p.AtsCode, territory?.Name,
                    territory?.RegionCode is { } rc ? regions.GetValueOrDefault(rc) : null, month,
                    p.Severity, p.Persistent ? Labels.T(lang, "yes") : Labels.T(lang, "no"),
                    p.Value, p.NationalValue, p.N, p.Z, p.Method,
                    p.PlainRuleBreach ? Labels.T(lang, "yes") : Labels.T(lang, "no"),
                    FollowUpStatusText.ToText(entry?.Status ?? FollowUpStatus.Open), entry?.Notes,
                    recording.CheckRecordingFirst(p.IndicatorId, findings) ? EpisodeLabels.T(lang, "dq.check_first") : "",
                    RecordingCheck.Describe(findings),
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
        var info = IndicatorOf(scope, f) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var values = meta.Values();
        // No national value in the month (censored months of the timeliness indicators): no funnel at all.
        if (values.Get(info.Id, "national", "IT", month) is not { } national) return FunnelGrid(f.Lang, info, []);
        var p0 = national.Value ?? 0;
        var flagged = meta.Flags().Points(info.Id, month);
        var names = meta.Ats().ToDictionary(a => a.Code, a => a.Name);
        var proportion = info.Format == "percent";
        var rows = values.AtMonth(info.Id, "ats", month).Values
            .Where(v => v.Denominator > 0)
            .OrderBy(v => v.Denominator).ThenBy(v => v.TerritoryCode, StringComparer.Ordinal)
            .Select(v =>
            {
                var n = v.Denominator ?? 0;
                var fl = flagged.GetValueOrDefault(v.TerritoryCode);
                var severity = fl?.Severity;
                return new object?[]
                {
                    v.TerritoryCode, names.GetValueOrDefault(v.TerritoryCode), n, v.Value, p0,
                    fl?.LowerAlarm ?? Limit(p0, n, -ZAlarm, proportion), fl?.LowerWarning ?? Limit(p0, n, -ZWarning, proportion),
                    fl?.UpperWarning ?? Limit(p0, n, ZWarning, proportion), fl?.UpperAlarm ?? Limit(p0, n, ZAlarm, proportion),
                    severity is "none" ? null : severity,
                };
            }).ToList();
        return FunnelGrid(f.Lang, info, rows);
    }

    /// <summary>The funnel's limits as smooth curves over the range of the ATS's denominators (see <see cref="FunnelCurves"/>).</summary>
    public IReadOnlyList<double[]> FunnelLimitCurves(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "funnel plot", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var info = IndicatorOf(scope, f) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var values = meta.Values();
        if (values.Get(info.Id, "national", "IT", month) is not { Value: double p0 }) return [];
        var ns = values.AtMonth(info.Id, "ats", month).Values.Select(v => v.Denominator ?? 0).Where(n => n > 0).ToList();
        if (ns.Count == 0) return [];
        return FunnelCurves.Compute(p0, ns.Min(), ns.Max(), info.Format == "percent", meta.Flags().Points(info.Id, month).Values.ToList());
    }

    private static Grid FunnelGrid(string lang, IndicatorInfo info, List<object?[]> rows)
    {
        var fmt = info.Format;
        return new Grid("ministry-funnel",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "n", "number"), Columns.Of(lang, "value", fmt),
             Columns.Of(lang, "national", fmt), Columns.Of(lang, "lower_alarm", fmt), Columns.Of(lang, "lower_warning", fmt),
             Columns.Of(lang, "upper_warning", fmt), Columns.Of(lang, "upper_alarm", fmt), Columns.Of(lang, "severity")],
            rows);
    }

    /// <summary>A control limit at denominator n: p0 + z·sqrt(p0(1−p0)/n) for proportions, λ0 + z·sqrt(λ0/n) for rates.</summary>
    public static double Limit(double p0, double n, double z, bool proportion)
    {
        if (n <= 0) return p0;
        var se = proportion ? Math.Sqrt(Math.Max(p0 * (1 - p0), 0) / n) : Math.Sqrt(Math.Max(p0, 0) / n);
        var limit = p0 + z * se;
        return proportion ? Math.Clamp(limit, 0, 1) : Math.Max(0, limit);
    }

    /// <summary>
    /// Regions × indicators for the month, with the national row last (the heat table colours by ratio to it), and the
    /// residents of each (2011 census, the numerator of residents_per_case_manager) so counts can be compared per resident.
    /// </summary>
    public Grid Heat(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "region × indicator table", UserRole.Ministry);
        var month = meta.ResolveMonth(f.Month);
        var catalogue = meta.Catalogue();
        var values = meta.Values();
        var lang = f.Lang;
        // The catalogue's "residents" indicator counts the territory's residents (2011 census) in its numerator.
        var residents = meta.ForRole(DashboardRole.Residents).Id;
        var columns = new List<GridColumn> { Columns.Of(lang, "region_code"), Columns.Of(lang, "region"), Columns.Of(lang, "residents", "count") };
        columns.AddRange(catalogue.Select(i => new GridColumn(i.Id, i.Name(lang), i.Format)));
        var territories = meta.Regions().Append(new Territory("IT", Labels.T(lang, "col.national")));
        var rows = territories.Select(t =>
        {
            var level = t.Code == "IT" ? "national" : "region";
            var row = new List<object?> { t.Code, t.Name, values.Get(residents, level, t.Code, month)?.Numerator };
            row.AddRange(catalogue.Select(i => (object?)values.Get(i.Id, level, t.Code, month)?.Value));
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
        var info = IndicatorOf(scope, f) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");
        var values = meta.Values();
        var national = values.Get(info.Id, "national", "IT", month);
        var lang = f.Lang;
        return new Grid("ministry-drill",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), Columns.Of(lang, "month"), Columns.Of(lang, "value", info.Format),
             Columns.Of(lang, "numerator", "number"), Columns.Of(lang, "denominator", "number"), Columns.Of(lang, "national", info.Format)],
            // Without a national value the warehouse has no row for the month (censored): nothing to compare, no rows.
            national is null ? [] : meta.Ats(region).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a =>
            {
                var v = values.Get(info.Id, "ats", a.Code, month);
                return new object?[] { a.Code, a.Name, month, v?.Value, v?.Numerator, v?.Denominator, national.Value };
            }).ToList());
    }

    /// <summary>
    /// Sets the follow-up of the flag episode that holds a flagged month (ministry only; the register survives every
    /// reload and the status carries to the episode's later months). A month in no episode is a bad request.
    /// </summary>
    public void SetFollowUp(UserScope scope, Actor by, string indicatorId, string atsCode, string month, string status, string? notes, string? reason = null)
    {
        rules.RequireRole(scope, "the follow-up register", UserRole.Ministry);
        var episode = followUp.All().ForMonth(indicatorId, atsCode, month) ?? throw new ArgumentException("no flag episode holds that month");
        EpisodeQueries.SetStatus(followUp, episode.EpisodeId, by, status, notes, reason);
    }
}
