namespace Monitoring.Tests.Dashboards;

/// <summary>
/// A test that runs only when MONITORING_NATIONAL_DATA names a national-scale DATA_DIR (one with CURRENT and its
/// snapshot): building one takes many minutes, so CI skips these and a developer runs them on demand.
/// </summary>
public sealed class NationalFactAttribute : FactAttribute
{
    public const string Variable = "MONITORING_NATIONAL_DATA";

    public static string? DataDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(dir) || !File.Exists(Path.Combine(dir, "CURRENT")) ? null : dir;
        }
    }

    public NationalFactAttribute()
    {
        if (DataDir is null) Skip = $"set {Variable} to a national DATA_DIR to run";
    }
}
