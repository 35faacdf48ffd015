using DuckDB.NET.Data;

namespace Monitoring.Tests.Warehouse.Support;

/// <summary>Asserts one cell of indicator_values against hand-computed numbers.</summary>
public static class IndicatorAssert
{
    public static void Cell(DuckDBConnection c, string indicator, string level, string territory, string month,
        double? numerator, double? denominator, double? value)
    {
        var cell = Db.Cell(c, indicator, level, territory, month);
        Assert.True(cell.HasValue, $"no row for {indicator} {level} {territory} {month}");
        var (n, d, v) = cell.Value;
        Close(numerator, n, $"{indicator} {territory} {month} numerator");
        Close(denominator, d, $"{indicator} {territory} {month} denominator");
        Close(value, v, $"{indicator} {territory} {month} value");
    }

    /// <summary>Counts: value = numerator, denominator null, for each month of the fixture in order.</summary>
    public static void Counts(DuckDBConnection c, string indicator, string level, string territory, params double[] perMonth)
    {
        for (var i = 0; i < perMonth.Length; i++)
            Cell(c, indicator, level, territory, HandFixture.Months[i], perMonth[i], null, perMonth[i]);
    }

    /// <summary>Ratios for each month of the fixture in order: value = n/d or null when d = 0.</summary>
    public static void Ratios(DuckDBConnection c, string indicator, string level, string territory, double[] numerators, double[] denominators,
        double scale = 1)
    {
        for (var i = 0; i < numerators.Length; i++)
        {
            double? expected = denominators[i] == 0 ? null : scale * numerators[i] / denominators[i];
            Cell(c, indicator, level, territory, HandFixture.Months[i], numerators[i], denominators[i], expected);
        }
    }

    public static void NoRow(DuckDBConnection c, string indicator, string level, string territory, string month) =>
        Assert.Null(Db.Cell(c, indicator, level, territory, month));

    private static void Close(double? expected, double? actual, string what)
    {
        if (expected is null) { Assert.True(actual is null, $"{what}: expected null, got {actual}"); return; }
        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        Assert.True(Math.Abs(expected.Value - actual!.Value) < 1e-9, $"{what}: expected {expected}, got {actual}");
    }
}
