using System.Globalization;

namespace Monitoring.Etl.Read;

/// <summary>
/// What a .zip export may declare before anything of it is unpacked: total unpacked size, the
/// unpacked/packed ratio of a large entry (a zip bomb packs gigabytes of one byte into kilobytes) and
/// the number of entries. The national export is ~0.9 GB of CSV in 11 files that pack about 4:1, so
/// the defaults leave it a wide margin. Configured by MONITORING_ZIP_MAX_BYTES, MONITORING_ZIP_MAX_RATIO
/// and MONITORING_ZIP_MAX_ENTRIES.
/// </summary>
public sealed record ArchiveLimits(long MaxTotalBytes, double MaxRatio, int MaxEntries)
{
    public const string BytesVariable = "MONITORING_ZIP_MAX_BYTES";
    public const string RatioVariable = "MONITORING_ZIP_MAX_RATIO";
    public const string EntriesVariable = "MONITORING_ZIP_MAX_ENTRIES";

    /// <summary>Entries smaller than this are not held to the ratio (a header-only CSV packs very well and harms no one).</summary>
    public const long RatioFloorBytes = 1 << 20;

    public static ArchiveLimits Default => new(8L << 30, 100, 1000);

    public static ArchiveLimits FromEnvironment()
    {
        var d = Default;
        return new(
            Read(BytesVariable, long.Parse) ?? d.MaxTotalBytes,
            Read(RatioVariable, s => double.Parse(s, CultureInfo.InvariantCulture)) ?? d.MaxRatio,
            Read(EntriesVariable, int.Parse) ?? d.MaxEntries);
    }

    static T? Read<T>(string variable, Func<string, T> parse) where T : struct
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return parse(text.Trim()); }
        catch (FormatException) { throw new ArgumentException($"{variable}: '{text}' is not a number"); }
    }
}
