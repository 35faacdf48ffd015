namespace Monitoring.Warehouse.Disclosure;

/// <summary>A public indicator as disclosure control sees it: a count (additive over its parts) or a rate, and the rate's own threshold.</summary>
public sealed record PublicIndicatorRule(string Id, bool IsCount, double MinDenominator = 0);
