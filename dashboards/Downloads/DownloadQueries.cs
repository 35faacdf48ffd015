using Monitoring.Dashboards.Queries;
using Monitoring.Warehouse.Disclosure;
using L = Monitoring.Dashboards.Localization.OperationsLabels;

namespace Monitoring.Dashboards.Downloads;

/// <summary>
/// What can be downloaded and by whom. Open-data releases (DATA_DIR/opendata, written by `monitoring-etl publish` or
/// the publish-open-data job) are public; research extracts (DATA_DIR/research, written by `monitoring-etl extract`)
/// are for the ministry only, refused here before anything about them is looked up. A file is served only when both
/// names are plain (<see cref="SafeName"/>) and the listing itself offers that file, so no URL reaches outside them.
/// </summary>
public sealed class DownloadQueries(string dataDir, ScopeRules rules)
{
    /// <summary>Where the releases live: the folder the publish-open-data job writes (DefaultPublishHook.OutputDir).</summary>
    public string OpenDataDir => Path.Combine(dataDir, "opendata");

    /// <summary>The open-data releases, newest first; the current one (latest.json) is flagged. Public.</summary>
    public IReadOnlyList<OpenDataRelease> Releases()
    {
        try { return OpenDataReleases.List(OpenDataDir).Where(r => SafeName.IsValid(r.Id)).ToList(); }
        catch (System.Text.Json.JsonException) { return []; } // a release.json being replaced: list again on the next request
    }

    /// <summary>The path and media type of a release file, or null when the release or file is not offered.</summary>
    public (string Path, string MediaType)? OpenDataFile(string release, string file)
    {
        if (!SafeName.IsValid(release) || !SafeName.IsValid(file)) return null;
        var r = Releases().FirstOrDefault(x => x.Id == release);
        var f = r?.Files.FirstOrDefault(x => x.Name == file);
        if (r is null || f is null) return null;
        return SafeName.Inside(Path.Combine(OpenDataDir, r.Id), f.Name) is { } path ? (path, f.MediaType) : null;
    }

    /// <summary>The research extracts (ministry only).</summary>
    public IReadOnlyList<ResearchExtract> Extracts(UserScope scope)
    {
        Require(scope);
        return ResearchExtracts.List(dataDir);
    }

    /// <summary>The path and media type of an extract file (ministry only), or null when it is not offered.</summary>
    public (string Path, string MediaType)? ResearchFile(UserScope scope, string extract, string file)
    {
        Require(scope);
        if (!SafeName.IsValid(extract) || !SafeName.IsValid(file)) return null;
        var e = ResearchExtracts.List(dataDir).FirstOrDefault(x => x.Id == extract);
        var f = e?.Files.FirstOrDefault(x => x.Name == file);
        if (e is null || f is null) return null;
        return SafeName.Inside(Path.Combine(ResearchExtracts.Folder(dataDir), e.Id), f.Name) is { } path ? (path, f.MediaType) : null;
    }

    /// <summary>One row per extract file, for the table and its CSV (research-extracts).</summary>
    public Grid ExtractFiles(UserScope scope, string lang)
        => new("research-extracts",
            [L.Column(lang, "extract"), L.Column(lang, "project"), L.Column(lang, "run_id"), L.Column(lang, "reference_date"),
             L.Column(lang, "k", "count"), L.Column(lang, "achieved_k", "count"), L.Column(lang, "file"), L.Column(lang, "bytes", "count")],
            Extracts(scope).SelectMany(e => e.Files.Select(f => new object?[]
                { e.Id, e.Project, e.RunId, e.ReferenceDate, e.K, e.AchievedK, f.Name, f.Bytes })).ToList());

    private void Require(UserScope scope) => rules.RequireRole(scope.Normalized(), "research extracts", UserRole.Ministry);
}
