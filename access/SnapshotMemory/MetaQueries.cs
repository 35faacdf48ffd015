using System.Collections.Concurrent;
using Monitoring.Warehouse.Disclosure;
using static Monitoring.Access.Data.WarehouseReader;

namespace Monitoring.Access.SnapshotMemory;

/// <summary>Run metadata, months, territories and the indicator catalogue: what the filters and every header need.</summary>
public sealed partial class MetaQueries(WarehouseReader db)
{
    // A snapshot is immutable, so what is read from it is kept for as long as it is the one in service. Entries
    // are Lazy so that many requests arriving together on a new snapshot load each thing once; when CURRENT moves
    // on, the previous snapshot's entries are dropped whole.
    private sealed record SnapshotCache(string RunId, ConcurrentDictionary<string, Lazy<object>> Entries);
    private SnapshotCache _cache = new("", new());

    private T Cached<T>(string key, Func<T> load) where T : class
    {
        var runId = db.Connections.Store.CurrentRunId() ?? "";
        var cache = Volatile.Read(ref _cache);
        if (cache.RunId != runId)
        {
            var fresh = new SnapshotCache(runId, new ConcurrentDictionary<string, Lazy<object>>());
            var seen = Interlocked.CompareExchange(ref _cache, fresh, cache);
            cache = seen == cache ? fresh : seen.RunId == runId ? seen : fresh;
        }
        var lazy = cache.Entries.GetOrAdd(key, _ => new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication));
        try { return (T)lazy.Value; }
        catch
        {
            // A failed load (snapshot switching under us, a locked file) must not stick: the next call tries again.
            cache.Entries.TryRemove(new KeyValuePair<string, Lazy<object>>(key, lazy));
            throw;
        }
    }

    public RunInfo Run() => Cached("run", () =>
    {
        var row = db.Rows("""
            select run_id, cast(reference_date as varchar) as reference_date, first_month, last_month
            from run_meta limit 1
            """).FirstOrDefault() ?? throw new InvalidOperationException("run_meta is empty");
        return new RunInfo(S(row, "run_id")!, S(row, "reference_date") ?? "", S(row, "first_month") ?? "", S(row, "last_month") ?? "");
    });

    /// <summary>Months that have national values, oldest first.</summary>
    public IReadOnlyList<string> Months() => Cached("months", () => db.Rows("""
        select distinct month from indicator_values where level = 'national' order by month
        """).Select(r => S(r, "month")!).ToList());

    /// <summary>The month a page shows when the URL names none (or names one without data): the latest.</summary>
    public string ResolveMonth(string? month)
    {
        var months = Months();
        if (month is not null && months.Contains(month)) return month;
        return months.Count > 0 ? months[^1] : Run().LastMonth;
    }

    public IReadOnlyList<Territory> Regions() => Cached("regions", () => db.Rows("""
        select region_code, region_name from dim_region order by region_code
        """).Select(r => new Territory(S(r, "region_code")!, S(r, "region_name") ?? "")).ToList());

    public IReadOnlyList<Territory> Ats(string? regionCode = null)
    {
        var all = Cached("ats", () => db.Rows("""
            select ats_code, ats_name, region_code from dim_ats order by ats_code
            """).Select(r => new Territory(S(r, "ats_code")!, S(r, "ats_name") ?? "", S(r, "region_code"))).ToList());
        return regionCode is null ? all : all.Where(a => a.RegionCode == regionCode).ToList();
    }

    public string? RegionOfAts(string atsCode) => Ats().FirstOrDefault(a => a.Code == atsCode)?.RegionCode;

    public string? AtsOfOperator(string operatorKey) => db.Scalar<string?>(
        "select ats_code from dim_operator where operator_key = $key", new { key = operatorKey });

    public IReadOnlyList<IndicatorInfo> Catalogue() => Cached("catalogue", () => db.Rows("""
        select indicator_id, name_it, name_en, description_it, description_en, logframe_level, pillar, unit,
               higher_is_better, min_denominator, is_public, kind, format, target_value, target_comparison,
               target_applies_to, target_it, target_en, dashboard_roles, headline_order, dimensions
        from indicator_catalogue
        order by case logframe_level when 'input' then 1 when 'activity' then 2 when 'output' then 3 when 'outcome' then 4 else 5 end, indicator_id
        """).Select(r => new IndicatorInfo(S(r, "indicator_id")!, S(r, "name_it") ?? "", S(r, "name_en") ?? "",
            S(r, "description_it") ?? "", S(r, "description_en") ?? "", S(r, "logframe_level") ?? "", S(r, "pillar") ?? "",
            S(r, "unit") ?? "", B(r, "higher_is_better"), D(r, "min_denominator") ?? 0, B(r, "is_public"), S(r, "kind") ?? "",
            S(r, "format") ?? "decimal",
            D(r, "target_value") is double t ? new IndicatorTargetInfo(t, S(r, "target_comparison") ?? "", S(r, "target_applies_to") ?? "value",
                S(r, "target_it") ?? "", S(r, "target_en") ?? "") : null,
            List(S(r, "dashboard_roles")), D(r, "headline_order") is double h ? (int)h : null, List(S(r, "dimensions")))).ToList());

    private static IReadOnlyList<string> List(string? commaSeparated) =>
        string.IsNullOrEmpty(commaSeparated) ? [] : commaSeparated.Split(',');

    /// <summary>
    /// The indicator the catalogue gives a dashboard role (its <c>dashboard_roles</c>), so the code names a purpose, never
    /// an indicator id. A snapshot whose catalogue lacks the role cannot serve that panel: said once, plainly.
    /// </summary>
    public IndicatorInfo ForRole(string role) => Catalogue().FirstOrDefault(i => i.HasRole(role))
        ?? throw new InvalidOperationException($"the indicator catalogue of the snapshot in service gives no indicator the dashboard role '{role}' (sql/indicators/catalogue.json, dashboard_roles)");

    /// <summary>The dimensions and their members in publishing order, with the catalogue's Italian and English names.</summary>
    public IReadOnlyList<DimensionInfo> Dimensions() => Cached("dimensions", () => db.Rows("""
        select dimension, member, name_it, name_en, member_name_it, member_name_en, dimension_order, member_order
        from indicator_dimensions order by dimension_order, member_order
        """).GroupBy(r => S(r, "dimension")!).Select(g => new DimensionInfo(g.Key, S(g.First(), "name_it") ?? g.Key, S(g.First(), "name_en") ?? g.Key,
            g.Select(r => new DimensionMember(S(r, "member")!, S(r, "member_name_it") ?? S(r, "member")!, S(r, "member_name_en") ?? S(r, "member")!)).ToList())).ToList());

    public IndicatorInfo? Indicator(string id) => Catalogue().FirstOrDefault(i => i.Id == id);

    /// <summary>The snapshot's ATS, region and national indicator values in memory (read on first use, then kept for the snapshot's life).</summary>
    public IndicatorValueIndex Values() => Cached("indicator_values", () => IndicatorValueIndex.Load(db));

    /// <summary>
    /// Every public cell of the snapshot after disclosure control — the one rule set the public page, its CSVs and the
    /// open-data release share (<see cref="PublicDisclosure"/>) — computed once per snapshot.
    /// </summary>
    public PublicCells PublicCells() => Cached("public_cells", () => db.With(c => PublicDisclosure.Protect(PublicCellInputs.Read(c))));

    /// <summary>The snapshot's evaluated flag points in memory (red-flag list, funnel limits).</summary>
    public FlagIndex Flags() => Cached("flags", () => FlagIndex.Load(db));

    /// <summary>Cases processed by each case manager, month by month (the coordinators' workload), read once per snapshot.</summary>
    public CaseManagerCounts CasesProcessedByCaseManager() => Cached("cm_cases_processed", () => CaseManagerCounts.Load(db, ForRole(DashboardRole.CaseManagerWorkload).Id));

    /// <summary>
    /// The data-quality indicators of the catalogue and the value above which an ATS's recording is out of range
    /// (family = data_quality, dq_max). Every snapshot the dashboards serve has them (older ones lack the dashboard
    /// marts and are refused: Data/DashboardMarts).
    /// </summary>
    public IReadOnlyDictionary<string, double> DataQualityLimits() => Cached("dq_limits", () =>
        db.Rows("select indicator_id, dq_max from indicator_catalogue where family = 'data_quality' and dq_max is not null")
            .ToDictionary(r => S(r, "indicator_id")!, r => D(r, "dq_max")!.Value));

    /// <summary>The first case manager of an ATS (demo sign-in picks a real key from the snapshot).</summary>
    public string? FirstCaseManager(string atsCode) => db.Scalar<string?>("""
        select operator_key from dim_operator where role = 'case_manager' and ats_code = $ats order by operator_key limit 1
        """, new { ats = atsCode });
}
