using static Monitoring.Dashboards.Queries.WarehouseReader;

namespace Monitoring.Dashboards.Queries;

/// <summary>One dimension of the catalogue (indicators-v1.md § Dimensions) with its member codes in publishing order,
/// and the indicators it applies to.</summary>
public sealed record DimensionInfo(string Id, string NameIt, string NameEn, IReadOnlyList<string> Members, IReadOnlySet<string> Indicators)
{
    public string Name(string lang) => lang == "en" ? NameEn : NameIt;
}

public sealed partial class MetaQueries
{
    /// <summary>
    /// The snapshot's dimensions (indicator_dimensions) and which indicators carry each (indicator_catalogue.dimensions),
    /// read once per snapshot; empty for a snapshot built before the dimensions.
    /// </summary>
    public IReadOnlyList<DimensionInfo> DimensionMembers() => Cached("dimension_members", () =>
    {
        if (db.Scalar<long>("select count(*) from duckdb_tables() where table_name = 'indicator_dimensions'") == 0) return new List<DimensionInfo>();
        var byDimension = db.Rows("select indicator_id, dimensions from indicator_catalogue where dimensions <> ''")
            .SelectMany(r => (S(r, "dimensions") ?? "").Split(',').Select(d => (Dimension: d, Indicator: S(r, "indicator_id")!)))
            .ToLookup(x => x.Dimension, x => x.Indicator);
        return db.Rows("""
                select dimension, member, name_it, name_en from indicator_dimensions order by dimension_order, member_order
                """)
            .GroupBy(r => S(r, "dimension")!)
            .Select(g => new DimensionInfo(g.Key, S(g.First(), "name_it") ?? g.Key, S(g.First(), "name_en") ?? g.Key,
                g.Select(r => S(r, "member")!).ToList(), byDimension[g.Key].ToHashSet(StringComparer.Ordinal)))
            .ToList();
    });
}
