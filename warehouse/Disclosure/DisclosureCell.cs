namespace Monitoring.Warehouse.Disclosure;

/// <summary>One cell of a table before disclosure control.</summary>
/// <param name="Id">unique within the table, e.g. "ats:ATS-01-003" or "2025-03|ATS-01-003".</param>
/// <param name="Value">the count or the rate; null when there is none.</param>
/// <param name="Denominator">for rates: the number the rate is taken over (ignored for counts).</param>
/// <param name="MinDenominator">the indicator's own publication threshold, applied when above the rules' one.</param>
/// <param name="HiddenElsewhere">a cell of another table that this one would give away is hidden (a rate over a hidden
/// count): this cell is withheld as complementary, whatever its own size.</param>
public sealed record DisclosureCell(string Id, double? Value, double? Denominator = null, double MinDenominator = 0, bool HiddenElsewhere = false);
