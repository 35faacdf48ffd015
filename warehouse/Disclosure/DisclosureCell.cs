namespace Monitoring.Warehouse.Disclosure;

/// <summary>One cell of a table before disclosure control.</summary>
/// <param name="Id">unique within the table, e.g. "ats:ATS-01-003" or "2025-03|ATS-01-003".</param>
/// <param name="Value">the count or the rate; null when there is none.</param>
/// <param name="Denominator">for rates: the number the rate is taken over (ignored for counts).</param>
/// <param name="MinDenominator">the indicator's own publication threshold, applied when above the rules' one.</param>
/// <param name="LinkedCount">for a rate computed over a public count of the same cell (<see cref="RateOverCount"/>): that
/// count's suppression. A rate over a hidden count is withheld as complementary; one whose own denominator is small
/// too stays "small denominator" unless the count is complementary (then "too small" would say it is 10..19).</param>
public sealed record DisclosureCell(string Id, double? Value, double? Denominator = null, double MinDenominator = 0,
    Suppression LinkedCount = Suppression.None);
