using Monitoring.Warehouse.Flags;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The funnel plot's control limits as smooth curves: evaluated on a grid of denominators spaced evenly on the
/// logarithmic x axis (not only at each ATS's n, which drew a jagged line where the ATS crowd), with the
/// warehouse's own limits (<see cref="FunnelLimits"/>: exact binomial/Poisson, normal for large counts) spread
/// by the month's overdispersion factor sqrt(φ) as the flags were. An indicator without flags gets the plain
/// normal approximation around the national value, as the table beside it.
/// </summary>
public static class FunnelCurves
{
    private const int Steps = 80;

    /// <summary>Rows (n, lower_alarm, lower_warning, upper_warning, upper_alarm) from the smallest to the largest n.</summary>
    public static IReadOnlyList<double[]> Compute(double p0, double minN, double maxN, bool proportion, IReadOnlyCollection<FlagPoint> flags)
    {
        if (minN <= 0 || maxN < minN) return [];
        var method = flags.Select(f => f.Method).FirstOrDefault(m => m is not null);
        var phi = flags.Select(f => f.Phi).FirstOrDefault(p => p is not null) ?? 1;
        var options = FlagOptions.Default;
        // Spread only where the warehouse spread them (its method then reads "...+overdispersion").
        var inflation = method?.Contains("+overdispersion", StringComparison.Ordinal) == true ? Overdispersion.InflationFactor(phi) : 1;
        var (lo, hi) = (Math.Log10(minN), Math.Log10(maxN));
        var rows = new List<double[]>(Steps + 1);
        for (var i = 0; i <= Steps; i++)
        {
            var n = Math.Pow(10, hi == lo ? lo : lo + (hi - lo) * i / Steps);
            double[] band;
            if (method?.StartsWith("binomial", StringComparison.Ordinal) == true)
            {
                // The binomial limits count whole cases: the curve is drawn at whole n, as the warehouse evaluates them.
                var whole = Math.Max(1, (int)Math.Round(n));
                var b = FunnelLimits.Proportion(p0, whole, options);
                band = [whole, b.LowerAlarm, b.LowerWarning, b.UpperWarning, b.UpperAlarm];
                Spread(band, p0, inflation, 1);
            }
            else if (method?.StartsWith("poisson", StringComparison.Ordinal) == true)
            {
                var b = FunnelLimits.Rate(p0, n, options);
                band = [n, b.LowerAlarm, b.LowerWarning, b.UpperWarning, b.UpperAlarm];
                Spread(band, p0, inflation, double.PositiveInfinity);
            }
            else
            {
                band = [n, MinistryQueries.Limit(p0, n, -options.AlarmZ, proportion), MinistryQueries.Limit(p0, n, -options.WarningZ, proportion),
                        MinistryQueries.Limit(p0, n, options.WarningZ, proportion), MinistryQueries.Limit(p0, n, options.AlarmZ, proportion)];
            }
            if (rows.Count > 0 && rows[^1][0] == band[0]) continue;
            rows.Add(band);
        }
        return rows;
    }

    private static void Spread(double[] band, double target, double factor, double max)
    {
        if (factor <= 1) return;
        for (var i = 1; i < band.Length; i++) band[i] = Math.Clamp(target + factor * (band[i] - target), 0, max);
    }
}
