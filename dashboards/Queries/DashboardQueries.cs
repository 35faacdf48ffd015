using Monitoring.DataDir.FollowUp;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The whole scoped query layer over one DATA_DIR, usable without the web host (the benchmark and tests build it
/// directly). Every panel is reachable by name through <see cref="Panel"/>, which is what the CSV endpoints call.
/// </summary>
public sealed class DashboardQueries : IDisposable
{
    public DashboardQueries(string dataDir) : this(new WarehouseConnections(new SnapshotStore(dataDir))) { }

    public DashboardQueries(WarehouseConnections connections)
    {
        Access = new SnapshotAccess(connections);
        var db = Access.Reader;
        Ministry = new MinistryQueries(Meta, Rules, FollowUp);
        Episodes = new EpisodeQueries(Meta, Rules, FollowUp);
        Trends = new TrendQueries(Meta, Rules);
        Planner = new PlannerQueries(Meta, Rules);
        Casework = new CaseworkQueries(db, Meta, Rules);
        Team = new TeamQueries(db, Meta, Rules);
        RegionPlanner = new RegionPlannerQueries(db, Meta, Rules);
        Public = new PublicQueries(Meta);
        Maps = new MapQueries(Meta, Rules);
        WhatIf = new WhatIfQueries(Meta, Rules);
        Glossary = new GlossaryQueries(Meta);
        Dimensions = new DimensionQueries(db, Meta, Rules);
    }

    /// <summary>Connections, per-snapshot memory, scope rules and episodes (Monitoring.Access), shared with the digest job.</summary>
    public SnapshotAccess Access { get; }
    public WarehouseConnections Connections => Access.Connections;
    public MetaQueries Meta => Access.Meta;
    public ScopeRules Rules => Access.Rules;
    public FollowUpCache FollowUp => Access.FollowUp;
    public MinistryQueries Ministry { get; }
    public EpisodeQueries Episodes { get; }
    public TrendQueries Trends { get; }
    public PlannerQueries Planner { get; }
    public CaseworkQueries Casework { get; }
    public TeamQueries Team { get; }
    public RegionPlannerQueries RegionPlanner { get; }
    public PublicQueries Public { get; }
    public MapQueries Maps { get; }
    public WhatIfQueries WhatIf { get; }
    public GlossaryQueries Glossary { get; }
    public DimensionQueries Dimensions { get; }

    /// <summary>Panel name → query. The names are the CSV endpoints' /api/panels/{name}.csv.</summary>
    public static readonly IReadOnlyDictionary<string, Func<DashboardQueries, UserScope, PanelFilter, Grid>> Panels =
        new Dictionary<string, Func<DashboardQueries, UserScope, PanelFilter, Grid>>
        {
            ["ministry-headlines"] = (q, s, f) => q.Ministry.Headlines(s, f),
            ["ministry-flags"] = (q, s, f) => q.Ministry.Flags(s, f),
            ["ministry-funnel"] = (q, s, f) => q.Ministry.Funnel(s, f),
            ["ministry-heat"] = (q, s, f) => q.Ministry.Heat(s, f),
            ["ministry-drill"] = (q, s, f) => q.Ministry.RegionAts(s, f),
            ["trend"] = (q, s, f) => q.Trends.Trend(s, f),
            ["planner-staffing"] = (q, s, f) => q.Planner.Staffing(s, f),
            ["casework-workload"] = (q, s, f) => q.Casework.Workload(s, f),
            ["casework-waiting"] = (q, s, f) => q.Casework.Waiting(s, f),
            ["casework-steps"] = (q, s, f) => q.Casework.StepTiming(s, f),
            ["casework-steps-per-cm"] = (q, s, f) => q.Team.StepsPerCaseManager(s, f),
            ["casework-unassigned"] = (q, s, f) => q.Team.Unassigned(s, f),
            ["casework-leavers"] = (q, s, f) => q.Team.Leavers(s, f),
            ["casework-next"] = (q, s, f) => q.Team.NextCase(s, f),
            ["planner-region-ats"] = (q, s, f) => q.RegionPlanner.RegionAts(s, f),
            ["planner-ats-peers"] = (q, s, f) => q.RegionPlanner.AtsPeers(s, f),
            ["planner-staffing-fte"] = (q, s, f) => q.RegionPlanner.StaffingFte(s, f),
            ["planner-budget"] = (q, s, f) => q.RegionPlanner.Budget(s, f),
            ["public-headlines"] = (q, s, f) => q.Public.Headlines(s, f),
            ["public-trend"] = (q, s, f) => q.Public.Trend(s, f),
            ["public-members"] = (q, s, f) => q.Public.Members(s, f),
            ["glossary"] = (q, s, f) => q.Glossary.Catalogue(s, f),
            ["episodes"] = (q, s, f) => q.Episodes.List(s, f),
            ["episode-history"] = (q, s, f) => q.Episodes.History(s, f),
            ["episode-trend"] = (q, s, f) => q.Episodes.Trend(s, f),
            ["episode-summary"] = (q, s, f) => q.Episodes.Summary(s, f),
            ["public-map"] = (q, s, f) => q.Maps.PublicMap(s, f),
            ["ministry-map"] = (q, s, f) => q.Maps.MinistryMap(s, f),
            ["planner-map"] = (q, s, f) => q.Maps.PlannerMap(s, f),
            ["planner-whatif"] = (q, s, f) => q.WhatIf.WhatIf(s, f),
            ["dimension-members"] = (q, s, f) => q.Dimensions.Members(s, f),
            ["measure-trend"] = (q, s, f) => q.Dimensions.ByMeasure(s, f),
        };

    /// <summary>Runs a panel by name for a scope; an unknown name is a scope violation (nothing to reveal).</summary>
    public Grid Panel(string name, UserScope scope, PanelFilter filter)
        => Panels.TryGetValue(name, out var run) ? run(this, scope.Normalized(), filter) : throw new ScopeViolation(scope.Role, $"unknown panel {name}");

    /// <summary>
    /// Reads what the snapshot in service keeps in memory (lookups, indicator values), so the first visitor after
    /// a start or a new snapshot does not wait for it. Cheap when nothing changed: it only reads CURRENT.
    /// </summary>
    public void Warm()
    {
        Meta.Months();
        Meta.Regions();
        Meta.Ats();
        Meta.Catalogue();
        Meta.Values();
        Meta.PublicCells();
        Meta.Flags();
        Meta.CasesProcessedByCaseManager();
    }

    public void Dispose() => Access.Dispose();
}
