using Monitoring.Warehouse.Flags;

namespace Monitoring.Tests.Warehouse.Flags;

/// <summary>
/// Funnel limits against quantiles tabulated independently: Binomial(20, 0.5) and Poisson(10) from
/// statistics tables, the rest from a pure-Python reference (math.comb / lgamma sums, no MathNet)
/// applying Spiegelhalter's (2005, appendix A) interpolation by hand.
/// </summary>
public sealed class FunnelLimitsTests
{
    [Theory]
    [InlineData(20, 0.5, 0.025, 6)]
    [InlineData(20, 0.5, 0.975, 14)]
    [InlineData(100, 0.1, 0.001, 2)]
    [InlineData(100, 0.1, 0.999, 20)]
    public void Binomial_quantiles_match_tables(int n, double p, double probability, int expected) =>
        Assert.Equal(expected, FunnelLimits.BinomialQuantile(n, p, probability));

    [Theory]
    [InlineData(10, 0.025, 4)]
    [InlineData(10, 0.975, 17)]
    [InlineData(4, 0.999, 11)]
    [InlineData(4, 0.001, 0)]
    public void Poisson_quantiles_match_tables(double mean, double probability, int expected) =>
        Assert.Equal(expected, FunnelLimits.PoissonQuantile(mean, probability));

    [Fact]
    public void Exact_binomial_limits_use_the_interpolated_quantile()
    {
        // Binomial(20, 0.5), warning tails Phi(-1.96) = 0.0249979: r = 6, F(6) = 0.0576591, F(5) = 0.0206947,
        // alpha = (F(6) - p) / (F(6) - F(5)), limit = (6 - alpha) / 20.
        var band = FunnelLimits.Proportion(0.5, 20, FlagOptions.Default);
        Assert.Equal("binomial-exact", band.Method);
        Assert.Equal(0.25582068227933485, band.LowerWarning, 1e-9);
        Assert.Equal(0.6941793177206652, band.UpperWarning, 1e-9);
    }

    [Fact]
    public void Large_n_switches_to_the_normal_approximation()
    {
        // n = 400, p0 = 0.5: 200 expected on each side >= 30 -> p0 +- z sqrt(p0 (1 - p0) / n).
        var band = FunnelLimits.Proportion(0.5, 400, FlagOptions.Default);
        Assert.Equal("binomial-normal", band.Method);
        Assert.Equal(0.5 - 1.96 * 0.025, band.LowerWarning, 1e-12);
        Assert.Equal(0.5 + 1.96 * 0.025, band.UpperWarning, 1e-12);
        Assert.Equal(0.5 - 3.09 * 0.025, band.LowerAlarm, 1e-12);
        Assert.Equal(0.5 + 3.09 * 0.025, band.UpperAlarm, 1e-12);
        // p0 = 0.9, n = 200: only 20 expected failures -> still exact.
        Assert.Equal("binomial-exact", FunnelLimits.Proportion(0.9, 200, FlagOptions.Default).Method);
    }

    [Fact]
    public void Poisson_rate_limits_are_exact_quantiles_of_lambda0_times_n()
    {
        // lambda0 = 2 cases per case manager, n = 5 case managers -> counts ~ Poisson(10); alarm tails 0.0010008.
        var band = FunnelLimits.Rate(2, 5, FlagOptions.Default);
        Assert.Equal("poisson-exact", band.Method);
        Assert.Equal(0.24417480395672123, band.LowerAlarm, 1e-9);
        Assert.Equal(4.1322240547344995, band.UpperAlarm, 1e-9);
    }

    [Fact]
    public void A_national_value_of_zero_collapses_the_funnel()
    {
        var band = FunnelLimits.Rate(0, 5, FlagOptions.Default);
        Assert.Equal(0, band.UpperAlarm);
        Assert.Equal(0, FunnelLimits.Proportion(0, 50, FlagOptions.Default).LowerWarning);
    }
}
