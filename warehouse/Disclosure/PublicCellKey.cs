namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// One cell of the public tables: an indicator for a territory (national "IT", a region, an ATS) in a month, and for a
/// disaggregated cell the member of a dimension (both empty for the territory's total). Every public surface — the
/// public page, its CSVs, the trend, the open-data release — looks its cells up by this key in the same
/// <see cref="PublicCells"/>, so they cannot disagree.
/// </summary>
public sealed record PublicCellKey(string Indicator, string Level, string Territory, string Month, string Dimension = "", string Member = "")
{
    /// <summary>Unique within one indicator's table (the id a <see cref="CellTable"/> knows the cell by).</summary>
    public string CellId => Dimension == ""
        ? Level + ":" + Territory + "|" + Month
        : Level + ":" + Territory + "|" + Month + "|" + Dimension + "=" + Member;

    /// <summary>The territory's total this member is part of (itself for a total).</summary>
    public PublicCellKey Total => this with { Dimension = "", Member = "" };

    public override string ToString() => Dimension == ""
        ? $"{Indicator} {Level}:{Territory} {Month}"
        : $"{Indicator} {Level}:{Territory} {Month} {Dimension}={Member}";
}
