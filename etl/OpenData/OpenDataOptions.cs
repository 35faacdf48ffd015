namespace Monitoring.Etl.OpenData;

/// <summary>Where the release will be served from and the clock (tests pin it).</summary>
public sealed record OpenDataOptions
{
    /// <summary>Env var naming the public base URL of the release folders (used in DCAT access/download URLs).</summary>
    public const string EnvBaseUrl = "MONITORING_OPENDATA_BASE_URL";

    public string BaseUrl { get; init; } = Environment.GetEnvironmentVariable(EnvBaseUrl) is { Length: > 0 } u ? u : "https://opendata.example.org/adi-monitoraggio";

    public DateTimeOffset? Now { get; init; }
}
