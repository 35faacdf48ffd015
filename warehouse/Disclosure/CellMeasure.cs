namespace Monitoring.Warehouse.Disclosure;

/// <summary>What the cells of one table hold: counts (additive, the lines are sums) or rates (ratios, medians: not additive).</summary>
public enum CellMeasure
{
    Count,
    Rate,
}
