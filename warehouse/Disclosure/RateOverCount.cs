namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Rates whose numerator or denominator is a public count of the same territory and month (indicators-v1.md). When
/// that count is hidden, the rate is hidden too: otherwise a reader could rebuild the count from the rate and a figure
/// shown elsewhere, or read its size from why the rate is withheld (average payment withheld for a denominator below
/// 20 ⇒ households paid between 10 and 19). Data, not code: a new indicator over a public count adds a line here.
/// </summary>
public static class RateOverCount
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Counts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["average_payment_eur"] = ["households_paid"],               // Σ amount_eur / households_paid
        ["households_paid_per_1000_residents"] = ["households_paid"], // 1,000 × households_paid / population (published)
        ["applications_rejected_rate"] = ["applications_received"],   // rejected / applications_received
    };
}
