namespace Monitoring.Etl.OpenData;

/// <summary>The identity of one release: its id, where it will be downloaded from, and its dates.</summary>
public sealed record ReleaseInfo(string Id, string RunId, DateOnly ReferenceDate, string FirstMonth, string LastMonth,
    DateTimeOffset Issued, string BaseUrl)
{
    /// <summary>"2026-10-31_r&lt;run_id&gt;": sorts by the data's date, then by run.</summary>
    public static string MakeId(DateOnly referenceDate, string runId) => $"{referenceDate:yyyy-MM-dd}_r{runId}";

    public string DownloadUrl(string file) => $"{BaseUrl.TrimEnd('/')}/{Id}/{file}";
    public string LandingUrl => $"{BaseUrl.TrimEnd('/')}/{Id}/";
}
