namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// One cell of the public tables: an indicator for a territory (national "IT", a region, an ATS) in a month, and for a
/// disaggregated cell the member of a dimension (both empty for the territory's total). Every public surface — the
/// public page, its CSVs, the trend, the open-data release — looks its cells up by this key in the same
/// <see cref="PublicCells"/>, so they cannot disagree.
/// </summary>
public sealed record PublicCellKey(string Indicator, string Level, string Territory, string Month, string Dimension = "", string Member = "")
{
    private string? _cellId;

    /// <summary>Unique within one indicator's table (the id a <see cref="CellTable"/> knows the cell by). Made once per
    /// key: disclosure control asks for it several times per cell, about a million cells on the all-Italy preset.</summary>
    public string CellId => _cellId ??= Dimension == ""
        ? Level + ":" + Territory + "|" + Month
        : Level + ":" + Territory + "|" + Month + "|" + Dimension + "=" + Member;

    // The made id is a cache, not part of the key: `with` (which goes through this constructor) must not carry it to a
    // key whose parts differ, and equality and the hash compare the six parts only.
    private PublicCellKey(PublicCellKey original)
    {
        Indicator = original.Indicator;
        Level = original.Level;
        Territory = original.Territory;
        Month = original.Month;
        Dimension = original.Dimension;
        Member = original.Member;
    }

    public bool Equals(PublicCellKey? other) => other is not null
        && string.Equals(Indicator, other.Indicator, StringComparison.Ordinal) && string.Equals(Level, other.Level, StringComparison.Ordinal)
        && string.Equals(Territory, other.Territory, StringComparison.Ordinal) && string.Equals(Month, other.Month, StringComparison.Ordinal)
        && string.Equals(Dimension, other.Dimension, StringComparison.Ordinal) && string.Equals(Member, other.Member, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Indicator, Level, Territory, Month, Dimension, Member);

    /// <summary>The territory's total this member is part of (itself for a total).</summary>
    public PublicCellKey Total => this with { Dimension = "", Member = "" };

    public override string ToString() => Dimension == ""
        ? $"{Indicator} {Level}:{Territory} {Month}"
        : $"{Indicator} {Level}:{Territory} {Month} {Dimension}={Member}";
}
