using MathNet.Numerics.Distributions;

namespace Monitoring.Warehouse.Flags;

/// <summary>
/// Funnel-plot control limits (Spiegelhalter, "Funnel plots for comparing institutional
/// performance", Stat. Med. 2005, appendix A). Exact limits use the discrete quantile r_p of the
/// null distribution (the smallest r with P(R ≤ r) ≥ p) smoothed by the paper's interpolation
/// α = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R &lt; r_p)), limit = (r_p − α) / n, so the funnel is a
/// smooth curve rather than a staircase.
/// </summary>
public static class FunnelLimits
{
    /// <summary>Smallest r in [0, n] with P(R ≤ r) ≥ probability, R ~ Binomial(n, p).</summary>
    public static int BinomialQuantile(int n, double p, double probability)
    {
        if (p <= 0) return 0;
        if (p >= 1) return n;
        var guess = n * p + Normal.InvCDF(0, 1, probability) * Math.Sqrt(n * p * (1 - p));
        return WalkToQuantile((int)Math.Clamp(Math.Round(guess), 0, n), n, r => Binomial.CDF(p, n, r), probability);
    }

    /// <summary>Smallest r ≥ 0 with P(R ≤ r) ≥ probability, R ~ Poisson(mean).</summary>
    public static int PoissonQuantile(double mean, double probability)
    {
        if (mean <= 0) return 0;
        var guess = mean + Normal.InvCDF(0, 1, probability) * Math.Sqrt(mean);
        return WalkToQuantile((int)Math.Max(0, Math.Round(guess)), int.MaxValue, r => Poisson.CDF(mean, r), probability);
    }

    /// <summary>Interpolated exact limit on the proportion scale for a proportion with target p0 over n cases.</summary>
    public static double BinomialExactLimit(int n, double p0, double probability)
    {
        if (p0 <= 0 || p0 >= 1) return p0;
        var r = BinomialQuantile(n, p0, probability);
        return Interpolated(r, n, x => Binomial.CDF(p0, n, x), probability);
    }

    /// <summary>Interpolated exact limit on the rate scale: counts ~ Poisson(λ0·n), limit = count / n.</summary>
    public static double PoissonExactLimit(double n, double lambda0, double probability)
    {
        var mean = lambda0 * n;
        if (mean <= 0) return 0;
        var r = PoissonQuantile(mean, probability);
        return Interpolated(r, n, x => Poisson.CDF(mean, x), probability);
    }

    /// <summary>p0 + z·sqrt(p0(1−p0)/n), clamped to [0, 1].</summary>
    public static double NormalProportionLimit(double p0, double n, double z) =>
        Math.Clamp(p0 + z * Math.Sqrt(p0 * (1 - p0) / n), 0, 1);

    /// <summary>Warning and alarm limits for a proportion (exact for small expected counts, normal otherwise).</summary>
    public static FunnelBand Proportion(double p0, int n, FlagOptions options)
    {
        // a national value of 0 or 1 leaves no room for chance: the funnel collapses onto the target
        if (p0 <= 0 || p0 >= 1 || n <= 0) return new FunnelBand(p0, p0, p0, p0, "binomial-degenerate");
        var useNormal = n * p0 >= options.NormalApproximationMinExpected
                        && n * (1 - p0) >= options.NormalApproximationMinExpected;
        if (useNormal)
        {
            return new FunnelBand(
                NormalProportionLimit(p0, n, -options.WarningZ), NormalProportionLimit(p0, n, options.WarningZ),
                NormalProportionLimit(p0, n, -options.AlarmZ), NormalProportionLimit(p0, n, options.AlarmZ),
                "binomial-normal");
        }
        var (lowW, highW) = Tails(options.WarningZ);
        var (lowA, highA) = Tails(options.AlarmZ);
        return new FunnelBand(
            Math.Clamp(BinomialExactLimit(n, p0, lowW), 0, 1), Math.Clamp(BinomialExactLimit(n, p0, highW), 0, 1),
            Math.Clamp(BinomialExactLimit(n, p0, lowA), 0, 1), Math.Clamp(BinomialExactLimit(n, p0, highA), 0, 1),
            "binomial-exact");
    }

    /// <summary>Warning and alarm limits for a rate λ0 per unit of exposure n (exact Poisson quantiles).</summary>
    public static FunnelBand Rate(double lambda0, double n, FlagOptions options)
    {
        if (lambda0 <= 0 || n <= 0) return new FunnelBand(lambda0, lambda0, lambda0, lambda0, "poisson-degenerate");
        var (lowW, highW) = Tails(options.WarningZ);
        var (lowA, highA) = Tails(options.AlarmZ);
        return new FunnelBand(
            Math.Max(0, PoissonExactLimit(n, lambda0, lowW)), PoissonExactLimit(n, lambda0, highW),
            Math.Max(0, PoissonExactLimit(n, lambda0, lowA)), PoissonExactLimit(n, lambda0, highA),
            "poisson-exact");
    }

    /// <summary>The lower and upper tail probabilities of a two-sided z (1.96 → 0.025, 0.975).</summary>
    public static (double Lower, double Upper) Tails(double z)
    {
        var lower = Normal.CDF(0, 1, -z);
        return (lower, 1 - lower);
    }

    private static int WalkToQuantile(int r, int max, Func<int, double> cdf, double probability)
    {
        // start from the normal guess and step: a few CDF evaluations instead of a search over [0, n]
        while (r < max && cdf(r) < probability) r++;
        while (r > 0 && cdf(r - 1) >= probability) r--;
        return r;
    }

    private static double Interpolated(int r, double n, Func<int, double> cdf, double probability)
    {
        var atR = cdf(r);
        var belowR = r > 0 ? cdf(r - 1) : 0.0;
        var alpha = atR > belowR ? (atR - probability) / (atR - belowR) : 0.0;
        return (r - alpha) / n;
    }
}
