using Monitoring.Warehouse.Flags;

namespace Monitoring.Tests.Warehouse.Flags;

/// <summary>Winsorized overdispersion (Spiegelhalter 2005) on synthetic sets worked out by hand / in Python.</summary>
public sealed class OverdispersionTests
{
    [Fact]
    public void Winsorizing_clips_the_extreme_tenth_on_each_side()
    {
        // k = 10, 10% = 1 value a side: -3 -> -2 and 10 -> 3; sum of squares 4+4+1+0+0+0+1+4+9+9 = 32; phi = 3.2.
        double[] z = [-3, -2, -1, 0, 0, 0, 1, 2, 3, 10];
        Assert.Equal([-2, -2, -1, 0, 0, 0, 1, 2, 3, 3], Overdispersion.Winsorize(z, 0.1));
        Assert.Equal(3.2, Overdispersion.Phi(z, 0.1), 1e-12);
        Assert.Equal(Math.Sqrt(3.2), Overdispersion.InflationFactor(3.2), 1e-12);
        Assert.Equal(1, Overdispersion.InflationFactor(0.8));
    }

    [Fact]
    public void Overdispersed_funnel_inflates_limits_and_spares_ats_within_the_spread()
    {
        // 20 ATS of 100 cases each with widely spread proportions; p0 = 1440/2000 = 0.72.
        int[] served = [50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 60, 70, 80, 90, 75, 85, 65, 95, 55, 40];
        var points = served.Select((s, i) => new FunnelPoint("x", $"ATS-{i:00}", "2025-01", s, 100, s / 100.0, 0.72,
            "binomial", HigherIsBetter: true, CaseManagers: 5)).ToList();

        var result = FunnelEvaluator.Evaluate(points, FlagOptions.Default);

        // Python reference: phi = 8.2589..., exact lower limits 0.62465 (warning) and 0.57083 (alarm),
        // inflated to p0 + sqrt(phi) (limit - p0).
        Assert.All(result, r => Assert.Equal(8.25892857142857, r.Phi, 1e-9));
        var worst = result.Single(r => r.Point.AtsCode == "ATS-19");
        Assert.Equal("binomial-exact+overdispersion", worst.Band.Method);
        Assert.Equal(0.4459856560734969, worst.Band.LowerWarning, 1e-9);
        Assert.Equal(0.29130772919667186, worst.Band.LowerAlarm, 1e-9);
        // 40%: z = -7.13 raw, -2.48 after inflation -> warning, not alarm.
        Assert.Equal("warning", worst.Severity);
        Assert.Equal(-2.48, worst.Z, 2);
        // 50% would be an alarm without the adjustment; within the inflated funnel it is not flagged.
        Assert.Equal("none", result.Single(r => r.Point.AtsCode == "ATS-00").Severity);
        var unadjusted = FunnelEvaluator.Evaluate(points, FlagOptions.Default with { AdjustForOverdispersion = false });
        Assert.Equal("alarm", unadjusted.Single(r => r.Point.AtsCode == "ATS-00").Severity);
    }

    [Fact]
    public void Rates_where_higher_is_worse_are_flagged_only_above()
    {
        // lambda0 = 2 per case manager, 5 case managers: upper alarm 4.132 (Python reference above).
        var options = FlagOptions.Default with { AdjustForOverdispersion = false };
        FunnelPoint Point(string ats, double value) => new("open_cases_per_case_manager", ats, "2025-01",
            value * 5, 5, value, 2, "poisson", HigherIsBetter: false, CaseManagers: 5);
        var result = FunnelEvaluator.Evaluate([Point("HIGH", 4.4), Point("LOW", 0)], options);
        Assert.Equal("alarm", result[0].Severity);
        Assert.Equal("none", result[1].Severity);
        Assert.True(result[1].Z < -3.09);
    }
}
