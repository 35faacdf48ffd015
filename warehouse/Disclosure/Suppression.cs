namespace Monitoring.Warehouse.Disclosure;

/// <summary>Why a cell is, or is not, published.</summary>
public enum Suppression
{
    /// <summary>Published as it is.</summary>
    None,
    /// <summary>Primary: a count below the threshold, published as "&lt;10".</summary>
    SmallCount,
    /// <summary>Primary: a rate whose denominator is below the threshold; not published.</summary>
    SmallDenominator,
    /// <summary>Secondary (complementary): hidden so that a primary cell cannot be recovered by subtraction.</summary>
    Secondary,
    /// <summary>The cell has no value (e.g. a ratio over a zero denominator): nothing to hide.</summary>
    NoValue,
}
