namespace Monitoring.Access.SnapshotMemory;

/// <summary>
/// One case-manager-level count indicator (cases_processed) of the snapshot, in memory by (month, case manager).
/// The case-manager rows are most of indicator_values (~540k of ~700k at national scale) and are not sorted by
/// month, so taking one month of one ATS's case managers from DuckDB scans a quarter of a million rows on every
/// view; read once per snapshot, it is a dictionary hit.
/// </summary>
public sealed class CaseManagerCounts
{
    private readonly Dictionary<(string Month, string CaseManagerKey), double?> _numerators = new();

    private CaseManagerCounts() { }

    public static CaseManagerCounts Load(WarehouseReader db, string indicatorId)
    {
        var counts = new CaseManagerCounts();
        var months = new Dictionary<string, string>(StringComparer.Ordinal);
        db.Read("""
            select month, territory_code, numerator
            from indicator_values
            where level = 'case_manager' and indicator_id = $indicator
            """, r =>
        {
            while (r.Read())
            {
                var month = r.GetString(0);
                month = months.TryGetValue(month, out var shared) ? shared : months[month] = month;
                counts._numerators[(month, r.GetString(1))] = r.IsDBNull(2) ? null : Convert.ToDouble(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }
        }, ("indicator", indicatorId));
        return counts;
    }

    /// <summary>The case manager's count in the month; null when the warehouse has no row (not active, nothing counted).</summary>
    public double? Get(string month, string caseManagerKey) => _numerators.GetValueOrDefault((month, caseManagerKey));
}
