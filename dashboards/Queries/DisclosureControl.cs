namespace Monitoring.Dashboards.Queries;

/// <summary>
/// Disclosure control for public outputs (indicators-v1.md): a count below 10 is published as "&lt;10"; a rate
/// whose denominator is below 20 is not published ("n.p."); secondary suppression: when exactly one cell of a
/// column of counts is suppressed and the column's total is published, the smallest other published cell is
/// suppressed too, so the hidden value cannot be recovered by subtraction. Rates are published without their
/// numerators and denominators, so a hidden rate cannot be recovered from the others.
/// </summary>
public static class DisclosureControl
{
    public const double MinCount = 10, MinDenominator = 20;
    public const string SmallCount = "<10", NotPublished = "n.p.";

    /// <summary>One cell as published: the number, or the string that replaces it.</summary>
    public static object? Cell(IndicatorInfo indicator, double? value, double? denominator)
    {
        if (value is null) return null;
        if (indicator.IsCount) return value < MinCount ? SmallCount : value;
        return denominator is null || denominator < Math.Max(MinDenominator, indicator.MinDenominator) ? NotPublished : value;
    }

    public static bool IsSuppressed(object? cell) => cell is string s && (s == SmallCount || s == NotPublished);

    /// <summary>
    /// Applies secondary suppression down one column of counts. <paramref name="cells"/> are the published parts
    /// of the total (e.g. the regions); the total is published. Returns the column with any extra suppression.
    /// </summary>
    public static object?[] SecondarySuppression(IReadOnlyList<object?> cells, bool totalPublished)
    {
        var result = cells.ToArray();
        if (!totalPublished) return result;
        var suppressed = result.Count(IsSuppressed);
        if (suppressed != 1) return result;
        var smallest = -1;
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] is double v && (smallest < 0 || v < (double)result[smallest]!)) smallest = i;
        }
        if (smallest >= 0) result[smallest] = Complementary;
        return result;
    }

    /// <summary>What a cell hidden by secondary suppression shows: it reveals nothing about its size.</summary>
    public const string Complementary = "n.p.";
}
