using Monitoring.Dashboards.Localization;
using Monitoring.Dashboards.Maps;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The choropleth of the 20 regions (issue 16): one row per region of the map, whatever the snapshot holds, with the
/// value the reader may see, its legend class and why a region has none. The page draws the map and its table from
/// this one Grid, and the CSV is the same Grid, so the map cannot show what the table does not.
/// - <c>public-map</c>: public indicators only, every cell as the one disclosure rule set protected it — the very cells
///   of the public table (<see cref="MetaQueries.PublicCells"/>, written by <see cref="PublicCellText"/>).
/// - <c>ministry-map</c>: the Ministry, every region's value.
/// - <c>planner-map</c>: planners and coordinators: the regions their scope covers with their value
///   (<see cref="ScopeRules.RequireRegion"/>), every other region only as the public sees it.
/// </summary>
public sealed class MapQueries(MetaQueries meta, ScopeRules rules)
{
    /// <summary>Why a region has the colour it has (the CSV's machine word; the screen shows <c>note</c>).</summary>
    public const string Shown = "shown", Suppressed = "suppressed", NoData = "no_data", OutsideScope = "outside_scope";

    public Grid PublicMap(UserScope scope, PanelFilter f)
    {
        if (f.Ats is not null) throw new ScopeViolation(scope.Role, "ATS-level public data");
        var info = PublicIndicator(scope, f);
        var month = meta.ResolveMonth(f.Month);
        var cells = meta.PublicCells();
        return Build("public-map", info, f.Lang, code => (false, PublicCellText.Shown(cells.Get(info.Id, "region", code, month))));
    }

    public Grid MinistryMap(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "the ministry map", UserRole.Ministry);
        var info = Indicator(scope, f, meta.ForRole(DashboardRole.Underperforming).Id);
        var month = meta.ResolveMonth(f.Month);
        var values = meta.Values();
        return Build("ministry-map", info, f.Lang, code => (false, values.Get(info.Id, "region", code, month)?.Value));
    }

    public Grid PlannerMap(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "the planner map", UserRole.Ministry, UserRole.PlannerRegion, UserRole.PlannerAts, UserRole.Coordinator);
        var info = Indicator(scope, f, meta.ForRole(DashboardRole.DefaultTrend).Id);
        var month = meta.ResolveMonth(f.Month);
        var values = meta.Values();
        var cells = meta.PublicCells();
        return Build("planner-map", info, f.Lang, code =>
        {
            if (InScope(scope, code)) return (false, values.Get(info.Id, "region", code, month)?.Value);
            // Another region: what the public page shows of it, or nothing for an indicator that is not public.
            return info.IsPublic ? (false, PublicCellText.Shown(cells.Get(info.Id, "region", code, month))) : (true, null);
        });
    }

    /// <summary>Whether the scope may read this region's values (the same rule every regional query applies).</summary>
    public bool InScope(UserScope scope, string region)
    {
        try { rules.RequireRegion(scope, region, "map"); return true; }
        catch (ScopeViolation) { return false; }
    }

    private IndicatorInfo Indicator(UserScope scope, PanelFilter f, string fallback)
        => meta.Indicator(f.Indicator ?? fallback) ?? throw new ScopeViolation(scope.Role, "an unknown indicator");

    private IndicatorInfo PublicIndicator(UserScope scope, PanelFilter f)
    {
        var publicOnes = meta.Catalogue().Where(i => i.IsPublic).ToList();
        var info = f.Indicator is null ? publicOnes.FirstOrDefault() : publicOnes.FirstOrDefault(i => i.Id == f.Indicator);
        return info ?? throw new ScopeViolation(scope.Role, $"non-public indicator {f.Indicator}");
    }

    /// <summary>One row per map region: code, name, the value as the reader may see it, its status and legend class.</summary>
    private Grid Build(string panel, IndicatorInfo info, string lang, Func<string, (bool Outside, object? Value)> valueOf)
    {
        var names = meta.Regions().ToDictionary(r => r.Code, r => r.Name);
        var shown = ItalyRegionShapes.Map.Regions.Select(shape =>
        {
            var (outside, value) = valueOf(shape.Code);
            var status = outside ? OutsideScope : value switch { double => Shown, string => Suppressed, _ => NoData };
            return (shape.Code, Name: names.GetValueOrDefault(shape.Code, shape.Name), Value: value, Status: status);
        }).ToList();
        var classes = MapClasses.Of(shown.Select(r => r.Value).OfType<double>());
        var rows = shown.Select(r => new object?[]
        {
            r.Code, r.Name, r.Value, r.Status, MapLabels.T(lang, "map.status." + r.Status),
            r.Value is double v ? (double?)classes.ClassOf(v) : null,
        }).ToList();
        return new Grid(panel,
            [Columns.Of(lang, "region_code"), Columns.Of(lang, "region"), new GridColumn("value", info.Name(lang), info.Format),
             MapLabels.Column(lang, "status"), MapLabels.Column(lang, "note"), MapLabels.Column(lang, "class", "count")], rows);
    }
}
