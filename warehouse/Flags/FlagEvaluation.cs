namespace Monitoring.Warehouse.Flags;

/// <summary>The funnel verdict on one point, before persistence is known.</summary>
/// <param name="Z">distance from the national value in standard errors, divided by sqrt(φ) when inflated.</param>
/// <param name="Severity">none | warning | alarm, on the bad side of the indicator only.</param>
/// <param name="PlainRuleShare">value / national value (null when the national value is 0).</param>
public sealed record FlagEvaluation(
    FunnelPoint Point,
    FunnelBand Band,
    double Z,
    double Phi,
    bool Inflated,
    string Severity,
    bool PlainRuleBreach,
    double? PlainRuleShare);
