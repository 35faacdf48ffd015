namespace Monitoring.Warehouse.Flags;

/// <summary>
/// Overdispersion factor φ from Winsorized z-scores (Spiegelhalter 2005, section 3.3): the
/// floor(fraction·k) smallest z are raised to the next one and the floor(fraction·k) largest
/// lowered to the one before, then φ = Σ z² / k. Limits are inflated by sqrt(φ) only when
/// χ² = Σ z² exceeds k, i.e. φ &gt; 1.
/// </summary>
public static class Overdispersion
{
    public static IReadOnlyList<double> Winsorize(IReadOnlyList<double> z, double fraction)
    {
        var k = z.Count;
        var cut = (int)Math.Floor(fraction * k);
        if (k == 0 || cut == 0 || 2 * cut >= k) return z.ToArray();
        var sorted = z.OrderBy(x => x).ToArray();
        var low = sorted[cut];
        var high = sorted[k - 1 - cut];
        return z.Select(x => Math.Clamp(x, low, high)).ToArray();
    }

    /// <summary>φ = χ²/k of the Winsorized z-scores; 1 when there are none.</summary>
    public static double Phi(IReadOnlyList<double> z, double fraction)
    {
        if (z.Count == 0) return 1;
        var chiSquare = Winsorize(z, fraction).Sum(x => x * x);
        return chiSquare / z.Count;
    }

    /// <summary>The factor the limits are inflated by: sqrt(φ) when φ &gt; 1, else 1.</summary>
    public static double InflationFactor(double phi) => phi > 1 ? Math.Sqrt(phi) : 1;
}
