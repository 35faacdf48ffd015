using System.Data.Common;
using System.Globalization;

namespace Monitoring.Access.SnapshotMemory;

/// <summary>
/// The snapshot's `flags` rows in memory, by month and by (indicator, month). ~56k rows at national scale, read
/// once per snapshot: the red-flag list and the funnel plot are then lookups, not a scan of the table (which
/// is not sorted by month) on every view.
/// </summary>
public sealed class FlagIndex
{
    private readonly Dictionary<string, List<FlagPoint>> _flaggedByMonth = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Indicator, string Month), Dictionary<string, FlagPoint>> _byIndicatorMonth = new();

    private FlagIndex() { }

    public static FlagIndex Load(WarehouseReader db)
    {
        var index = new FlagIndex();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => names.TryGetValue(s, out var known) ? known : names[s] = s;
        static double? Number(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
        static bool Flag(DbDataReader r, int i) => !r.IsDBNull(i) && Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture);
        db.Read("""
            select indicator_id, ats_code, month, severity, persistent, value, national_value, n, z, method, plain_rule_breach,
                   lower_alarm, lower_warning, upper_warning, upper_alarm, phi
            from flags
            """, r =>
        {
            while (r.Read())
            {
                var p = new FlagPoint(Shared(r.GetString(0)), Shared(r.GetString(1)), Shared(r.GetString(2)),
                    r.IsDBNull(3) ? "none" : Shared(r.GetString(3)), Flag(r, 4), Number(r, 5), Number(r, 6), Number(r, 7), Number(r, 8),
                    r.IsDBNull(9) ? null : Shared(r.GetString(9)), Flag(r, 10), Number(r, 11), Number(r, 12), Number(r, 13), Number(r, 14), Number(r, 15));
                index.Add(p);
            }
        });
        return index;
    }

    private void Add(FlagPoint p)
    {
        if (p.IsFlagged)
        {
            if (!_flaggedByMonth.TryGetValue(p.Month, out var list)) _flaggedByMonth[p.Month] = list = [];
            list.Add(p);
        }
        var key = (p.IndicatorId, p.Month);
        if (!_byIndicatorMonth.TryGetValue(key, out var byAts)) _byIndicatorMonth[key] = byAts = new(StringComparer.Ordinal);
        byAts[p.AtsCode] = p;
    }

    /// <summary>The month's alarms and warnings (unordered).</summary>
    public IReadOnlyList<FlagPoint> Flagged(string month) => _flaggedByMonth.TryGetValue(month, out var list) ? list : [];

    /// <summary>Every evaluated ATS of an indicator in a month, by ATS code.</summary>
    public IReadOnlyDictionary<string, FlagPoint> Points(string indicatorId, string month)
        => _byIndicatorMonth.TryGetValue((indicatorId, month), out var d) ? d : new Dictionary<string, FlagPoint>();
}
