namespace Monitoring.Warehouse.Flags;

/// <summary>
/// Evaluates the ATS of one indicator in one month against the national value: funnel limits,
/// overdispersion, severity on the bad side, and the plain rule beside it.
/// </summary>
public static class FunnelEvaluator
{
    public const string None = "none";
    public const string Warning = "warning";
    public const string Alarm = "alarm";

    /// <summary>All points must share indicator and month (one funnel).</summary>
    public static IReadOnlyList<FlagEvaluation> Evaluate(IReadOnlyList<FunnelPoint> funnel, FlagOptions options)
    {
        if (funnel.Count == 0) return [];
        var first = funnel[0];
        if (funnel.Any(p => p.IndicatorId != first.IndicatorId || p.Month != first.Month))
            throw new ArgumentException("A funnel holds one indicator in one month.", nameof(funnel));

        var target = first.NationalValue;
        var z = funnel.Select(p => RawZ(p, target)).ToArray();
        var phi = Overdispersion.Phi(z, options.WinsorizeFraction);
        var inflation = options.AdjustForOverdispersion ? Overdispersion.InflationFactor(phi) : 1.0;

        var result = new FlagEvaluation[funnel.Count];
        for (var i = 0; i < funnel.Count; i++)
        {
            var point = funnel[i];
            var band = Inflate(Band(point, target, options), target, inflation, point.FlagMethod);
            var severity = Severity(point, band);
            var (breach, share) = PlainRule(point, options);
            result[i] = new FlagEvaluation(point, band, z[i] / inflation, phi, inflation > 1, severity, breach, share);
        }
        return result;
    }

    /// <summary>(value − target) / standard error under the null: binomial p0(1−p0)/n, Poisson λ0/n.</summary>
    public static double RawZ(FunnelPoint p, double target)
    {
        var variance = p.FlagMethod == "binomial" ? target * (1 - target) : target;
        if (variance <= 0 || p.N <= 0) return 0;
        return (p.Value - target) / Math.Sqrt(variance / p.N);
    }

    private static FunnelBand Band(FunnelPoint p, double target, FlagOptions options) => p.FlagMethod switch
    {
        "binomial" => FunnelLimits.Proportion(target, (int)Math.Round(p.N), options),
        "poisson" => FunnelLimits.Rate(target, p.N, options),
        _ => throw new InvalidOperationException($"Indicator {p.IndicatorId} has no flag method."),
    };

    /// <summary>Spreads each limit away from the target by the factor sqrt(φ), within the scale's bounds.</summary>
    private static FunnelBand Inflate(FunnelBand band, double target, double factor, string method)
    {
        if (factor <= 1) return band;
        var max = method == "binomial" ? 1.0 : double.PositiveInfinity;
        double Spread(double limit) => Math.Clamp(target + factor * (limit - target), 0, max);
        return band with
        {
            LowerWarning = Spread(band.LowerWarning),
            UpperWarning = Spread(band.UpperWarning),
            LowerAlarm = Spread(band.LowerAlarm),
            UpperAlarm = Spread(band.UpperAlarm),
            Method = band.Method + "+overdispersion",
        };
    }

    private static string Severity(FunnelPoint p, FunnelBand band)
    {
        if (p.HigherIsBetter)
        {
            if (p.Value < band.LowerAlarm) return Alarm;
            if (p.Value < band.LowerWarning) return Warning;
            return None;
        }
        if (p.Value > band.UpperAlarm) return Alarm;
        if (p.Value > band.UpperWarning) return Warning;
        return None;
    }

    /// <summary>
    /// Below the configured share of the national value (or, when lower is better, above
    /// national / share), counted only for ATS with enough case managers.
    /// </summary>
    private static (bool Breach, double? Share) PlainRule(FunnelPoint p, FlagOptions options)
    {
        if (p.NationalValue == 0) return (false, null);
        var share = p.Value / p.NationalValue;
        var bigEnough = p.CaseManagers >= options.PlainRuleMinCaseManagers;
        var bad = p.HigherIsBetter ? share < options.PlainRuleShare : share > 1 / options.PlainRuleShare;
        return (bigEnough && bad, share);
    }
}
