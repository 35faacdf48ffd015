using Monitoring.Warehouse.Indicators;

namespace Monitoring.Warehouse.Flags;

/// <summary>
/// Settings of the red flags (indicators-v1.md, "Red flags"). The numbers live in the catalogue's <c>flags</c> block
/// (sql/indicators/catalogue.json), the one place every threshold is written; <see cref="Default"/> reads it.
/// </summary>
public sealed record FlagOptions
{
    public static FlagOptions Default { get; } = From(IndicatorCatalogue.Load().Flags);

    public static FlagOptions From(FlagSettings s) => new()
    {
        WarningZ = s.WarningZ, AlarmZ = s.AlarmZ, NormalApproximationMinExpected = s.NormalApproximationMinExpected,
        WinsorizeFraction = s.WinsorizeFraction, PlainRuleShare = s.PlainRuleShare,
        PlainRuleMinCaseManagers = s.PlainRuleMinCaseManagers, PersistenceMonths = s.PersistenceMonths,
        CaseManagersIndicator = s.CaseManagersIndicator,
    };

    /// <summary>Two-sided z of the warning limits (95%).</summary>
    public required double WarningZ { get; init; }

    /// <summary>Two-sided z of the alarm limits (99.8%).</summary>
    public required double AlarmZ { get; init; }

    /// <summary>
    /// Proportions switch from exact binomial quantiles to the normal approximation
    /// p0 ± z·sqrt(p0(1−p0)/n) when both n·p0 and n·(1−p0) reach this many expected cases.
    /// </summary>
    public required double NormalApproximationMinExpected { get; init; }

    /// <summary>Share of z-scores Winsorized at each end before estimating overdispersion.</summary>
    public required double WinsorizeFraction { get; init; }

    /// <summary>Inflate limits by sqrt(φ) when the Winsorized χ² exceeds its degrees of freedom.</summary>
    public bool AdjustForOverdispersion { get; init; } = true;

    /// <summary>Plain rule: an ATS breaches when its value is below this share of the national value.</summary>
    public required double PlainRuleShare { get; init; }

    /// <summary>Plain rule: only ATS with at least this many active case managers in the month.</summary>
    public required double PlainRuleMinCaseManagers { get; init; }

    /// <summary>A flag holding this many consecutive months is persistent.</summary>
    public required int PersistenceMonths { get; init; }

    /// <summary>The indicator whose ATS values give the case-manager count beside every point (flag_inputs.sql).</summary>
    public required string CaseManagersIndicator { get; init; }
}
