namespace Monitoring.Etl.Research;

/// <summary>
/// Re-identification risk of one file's records on their combined key variables, measured as sdcMicro measures
/// it for a file that holds the whole population (every household of the programme, sampling weight 1, so the
/// population frequency of a key F_k equals its frequency f_k in the file): sample uniques (f_k = 1), records in
/// classes smaller than k, individual risk r_i = 1/f_k (its maximum and mean), and the global risk as the expected
/// number of re-identifications Σ r_i (and its share of the records).
/// </summary>
public sealed record DisclosureRisk(string Table, long Records, long Classes, long Uniques, long BelowK, long SmallestClass,
    double MaxIndividualRisk, double MeanIndividualRisk, double ExpectedReidentifications)
{
    public double ExpectedReidentificationShare => Records == 0 ? 0 : ExpectedReidentifications / Records;
}

/// <summary>One rung tried on the ladder: the risk before suppression, and how many households suppression would remove.</summary>
public sealed record RungTrial(int Rung, DisclosureRisk Households, DisclosureRisk Persons, long HouseholdsSuppressed, double SuppressedShare, bool Chosen);
