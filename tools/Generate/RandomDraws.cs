namespace Monitoring.Tools.Generate;

/// <summary>The few distributions the generator draws from, on top of System.Random.</summary>
internal static class RandomDraws
{
    public static double Normal(this Random rng)
    {
        // Box-Muller; 1 - NextDouble() keeps the log away from zero.
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>exp(N(0, sd)): a multiplicative spread around 1.</summary>
    public static double LogNormal(this Random rng, double sd) => Math.Exp(sd * rng.Normal());

    /// <summary>Whole days drawn from an exponential distribution with the given mean.</summary>
    public static int ExpDays(this Random rng, double mean) =>
        (int)Math.Min(-Math.Log(1.0 - rng.NextDouble()) * mean, mean * 12);

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static DateOnly DayBetween(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>An index drawn with the given cumulative weights (last element = total).</summary>
    public static int PickCumulative(this Random rng, double[] cumulative)
    {
        var x = rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        if (i < 0) i = ~i;
        return Math.Min(i, cumulative.Length - 1);
    }

    /// <summary>Splits a total into integers proportional to the weights (largest remainder, deterministic).</summary>
    public static int[] Apportion(IReadOnlyList<double> weights, int total, int minimum = 0)
    {
        var n = weights.Count;
        var result = new int[n];
        var remaining = total - minimum * n;
        var sum = weights.Sum();
        var remainders = new (double Remainder, int Index)[n];
        var assigned = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = sum > 0 ? weights[i] / sum * Math.Max(remaining, 0) : 0;
            result[i] = minimum + (int)Math.Floor(exact);
            assigned += (int)Math.Floor(exact);
            remainders[i] = (exact - Math.Floor(exact), i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(Math.Max(remaining - assigned, 0)))
            result[index]++;
        return result;
    }
}
