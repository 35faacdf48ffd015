using System.Data.Common;

namespace Monitoring.Access.SnapshotMemory;

/// <summary>
/// The snapshot's indicator values at ATS, region and national level, held in memory and looked up by key.
/// A snapshot is immutable and these rows are few (~165k at national scale, ~15 MB), while each panel asks
/// for a handful of them: read once per snapshot, every panel lookup is then a dictionary hit instead of a
/// scan of indicator_values (~700k rows with the case-manager level, not sorted by month), which is what
/// kept the ministry's and planners' panels near 100 ms on a busy machine. The case-manager level stays in
/// DuckDB: only the coordinators' workload reads it, filtered to one ATS.
/// </summary>
public sealed class IndicatorValueIndex
{
    private static readonly IReadOnlyDictionary<string, IndicatorValue> NoValues = new Dictionary<string, IndicatorValue>();
    private readonly Dictionary<(string Indicator, string Level, string Month), Dictionary<string, IndicatorValue>> _byMonth = new();
    private readonly Dictionary<(string Indicator, string Level, string Territory), List<IndicatorValue>> _series = new();

    private IndicatorValueIndex() { }

    public int Count { get; private set; }

    public static IndicatorValueIndex Load(WarehouseReader db)
    {
        var index = new IndicatorValueIndex();
        // Indicator ids, levels, territories and months repeat on every row: share one string for each.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => names.TryGetValue(s, out var known) ? known : names[s] = s;
        static double? Number(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        db.Read("""
            select indicator_id, level, territory_code, month, numerator, denominator, value
            from indicator_values
            where level in ('ats', 'region', 'national')
            """, r =>
        {
            while (r.Read())
            {
                index.Add(new IndicatorValue(Shared(r.GetString(0)), Shared(r.GetString(1)), Shared(r.GetString(2)), Shared(r.GetString(3)),
                    Number(r, 4), Number(r, 5), Number(r, 6)));
            }
        });
        foreach (var series in index._series.Values) series.Sort((a, b) => string.CompareOrdinal(a.Month, b.Month));
        return index;
    }

    private void Add(IndicatorValue v)
    {
        var key = (v.IndicatorId, v.Level, v.Month);
        if (!_byMonth.TryGetValue(key, out var territories)) _byMonth[key] = territories = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        territories[v.TerritoryCode] = v;
        var seriesKey = (v.IndicatorId, v.Level, v.TerritoryCode);
        if (!_series.TryGetValue(seriesKey, out var series)) _series[seriesKey] = series = [];
        series.Add(v);
        Count++;
    }

    /// <summary>One value, or null when the warehouse has no row for it.</summary>
    public IndicatorValue? Get(string indicatorId, string level, string territoryCode, string month)
        => _byMonth.TryGetValue((indicatorId, level, month), out var t) && t.TryGetValue(territoryCode, out var v) ? v : null;

    /// <summary>Every territory of a level in a month, by territory code.</summary>
    public IReadOnlyDictionary<string, IndicatorValue> AtMonth(string indicatorId, string level, string month)
        => _byMonth.TryGetValue((indicatorId, level, month), out var t) ? t : NoValues;

    /// <summary>A territory's values month by month, oldest first.</summary>
    public IReadOnlyList<IndicatorValue> Series(string indicatorId, string level, string territoryCode)
        => _series.TryGetValue((indicatorId, level, territoryCode), out var s) ? s : [];
}
