using Microsoft.AspNetCore.OutputCaching;
using Monitoring.Dashboards.Downloads;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// The public pages (/, /public, /glossary) are the same for every anonymous visitor of a snapshot, so their
/// rendered HTML is kept in ASP.NET Core's output cache, keyed by the snapshot run id (a new CURRENT is a new
/// key: nothing stale is ever served), the state of the open-data folder the public page lists (a new release
/// changes its modification time), the language and the query string. The framework's default rules still
/// apply: only GET/HEAD, only anonymous requests, only 200 responses that set no cookie (a visit that sets the
/// language cookie is rendered, not cached). Signed-in users' pages are never cached.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-pages";
    private static readonly string[] Paths = ["/", "/public", "/glossary"];
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) => services.AddOutputCache(o =>
    {
        o.SizeLimit = 64L * 1024 * 1024;
        o.AddBasePolicy(b => b
            .With(c => Paths.Contains(c.HttpContext.Request.Path.Value ?? "", StringComparer.OrdinalIgnoreCase))
            .Expire(Lifetime)
            .SetVaryByQuery("*")
            .VaryByValue(http =>
            {
                var runId = http.RequestServices.GetRequiredService<DashboardQueries>().Connections.Store.CurrentRunId() ?? "none";
                return new KeyValuePair<string, string>("snapshot", $"{runId}|{OpenDataStamp(http)}|{LanguageCookie.Resolve(http)}");
            })
            .Tag(Policy), excludeDefaultPolicy: false);
    });

    /// <summary>Modification times of the open-data folder and its latest.json (both change when a release is published).</summary>
    private static string OpenDataStamp(HttpContext http)
    {
        if (http.RequestServices.GetService<DownloadQueries>() is not { } downloads) return "-";
        var dir = new DirectoryInfo(downloads.OpenDataDir);
        var latest = new FileInfo(DataDirectory.LatestRelease(downloads.OpenDataDir));
        return $"{(dir.Exists ? dir.LastWriteTimeUtc.Ticks : 0)}.{(latest.Exists ? latest.LastWriteTimeUtc.Ticks : 0)}";
    }
}
