namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// One cell of the public tables: an indicator for a territory (national "IT", a region, an ATS) in a month. Every
/// public surface — the public page, its CSVs, the trend, the open-data release — looks its cells up by this key in
/// the same <see cref="PublicCells"/>, so they cannot disagree.
/// </summary>
public sealed record PublicCellKey(string Indicator, string Level, string Territory, string Month)
{
    /// <summary>Unique within one indicator's table (the id a <see cref="CellTable"/> knows the cell by).</summary>
    public string CellId => Level + ":" + Territory + "|" + Month;

    public override string ToString() => $"{Indicator} {Level}:{Territory} {Month}";
}
