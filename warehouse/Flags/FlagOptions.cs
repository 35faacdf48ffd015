namespace Monitoring.Warehouse.Flags;

/// <summary>Settings of the red flags (indicators-v1.md, "Red flags"); the defaults are the contract's.</summary>
public sealed record FlagOptions
{
    public static FlagOptions Default { get; } = new();

    /// <summary>Two-sided z of the warning limits (95%).</summary>
    public double WarningZ { get; init; } = 1.96;

    /// <summary>Two-sided z of the alarm limits (99.8%).</summary>
    public double AlarmZ { get; init; } = 3.09;

    /// <summary>
    /// Proportions switch from exact binomial quantiles to the normal approximation
    /// p0 ± z·sqrt(p0(1−p0)/n) when both n·p0 and n·(1−p0) reach this many expected cases.
    /// </summary>
    public double NormalApproximationMinExpected { get; init; } = 30;

    /// <summary>Share of z-scores Winsorized at each end before estimating overdispersion.</summary>
    public double WinsorizeFraction { get; init; } = 0.10;

    /// <summary>Inflate limits by sqrt(φ) when the Winsorized χ² exceeds its degrees of freedom.</summary>
    public bool AdjustForOverdispersion { get; init; } = true;

    /// <summary>Plain rule: an ATS breaches when its value is below this share of the national value.</summary>
    public double PlainRuleShare { get; init; } = 0.70;

    /// <summary>Plain rule: only ATS with at least this many active case managers in the month.</summary>
    public double PlainRuleMinCaseManagers { get; init; } = 3;

    /// <summary>A flag holding this many consecutive months is persistent.</summary>
    public int PersistenceMonths { get; init; } = 3;
}
