namespace Monitoring.Tools.Generate;

/// <summary>
/// Independent, reproducible random streams derived from the one seed (SplitMix64), so that adding
/// draws to one part of the generator does not shift every other part. Never string.GetHashCode:
/// it is randomized per process.
/// </summary>
internal static class SeedMixer
{
    public static Random Stream(int seed, int stream, int index = 0) => new(Mix(seed, stream, index));

    public static int Mix(int seed, int stream, int index)
    {
        var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stream << 32 ^ (uint)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
