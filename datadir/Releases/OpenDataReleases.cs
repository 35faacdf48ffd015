using System.Text.Json;

namespace Monitoring.DataDir.Releases;

/// <summary>
/// Lists the open-data releases under an output folder (newest first), for the download pages. A release is a
/// folder holding <c>release.json</c>; <c>latest.json</c> at the top names the current one. Lives in the
/// datadir library because the publisher (etl) writes what the download pages (dashboards) list.
/// </summary>
public static class OpenDataReleases
{
    public const string ManifestFile = "release.json";
    public const string LatestFile = "latest.json";

    public static IReadOnlyList<OpenDataRelease> List(string outDir)
    {
        if (!Directory.Exists(outDir)) return [];
        var latest = LatestId(outDir);
        var releases = new List<OpenDataRelease>();
        foreach (var folder in Directory.GetDirectories(outDir))
        {
            var manifest = DataDirectory.ReleaseManifest(folder);
            if (!File.Exists(manifest)) continue; // a half-written or foreign folder
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            var root = doc.RootElement;
            var id = Path.GetFileName(folder);
            var files = Directory.GetFiles(folder).Select(f => new FileInfo(f)).OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new OpenDataFile(f.Name, f.Length, MediaType(f.Name))).ToList();
            releases.Add(new OpenDataRelease(id, folder, root.GetProperty("run_id").GetString() ?? "",
                root.GetProperty("reference_date").GetString() ?? "", root.GetProperty("issued").GetDateTimeOffset(),
                id == latest, files));
        }
        return releases.OrderByDescending(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The release named by latest.json, or null.</summary>
    public static string? LatestId(string outDir)
    {
        var path = DataDirectory.LatestRelease(outDir);
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("release", out var r) ? r.GetString() : null;
    }

    public static string MediaType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".parquet" => "application/vnd.apache.parquet",
        ".json" => "application/json",
        ".jsonld" => "application/ld+json",
        ".md" => "text/markdown",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
