namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// The thresholds of indicators-v1.md: a count below <see cref="MinCount"/> is published as "&lt;10";
/// a rate whose denominator is below <see cref="MinDenominator"/> (or the indicator's own, if higher) is not published.
/// </summary>
public sealed record DisclosureRules(double MinCount = 10, double MinDenominator = 20)
{
    public static DisclosureRules Default { get; } = new();

    /// <summary>What a small count shows instead of its value.</summary>
    public string SmallCountText => "<" + MinCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
