using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// Runs tests/Etl.Tests/Validators/validate-release.mjs (Frictionless datapackage-js and tableschema-js, jsonld.js and
/// rdf-validate-shacl with the DCAT-AP and DCAT-AP_IT shapes) on a written folder, as a real node process, and
/// returns its JSON report. The npm packages are installed by this project's build.
/// </summary>
public static class ReleaseValidators
{
    public static string Folder { get; } = FindFolder();

    /// <summary>Validates the folder's datapackage.json and dcat.jsonld, or <paramref name="jsonldFile"/> in place of the latter.</summary>
    public static JsonObject Run(string releaseFolder, string? jsonldFile = null)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        psi.ArgumentList.Add(Path.Combine(Folder, "validate-release.mjs"));
        psi.ArgumentList.Add(releaseFolder);
        psi.ArgumentList.Add(Path.Combine(Folder, "shapes"));
        if (jsonldFile is not null) psi.ArgumentList.Add(jsonldFile);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("validate-release.mjs took more than 2 minutes"); }
        Assert.True(p.ExitCode == 0, $"validate-release.mjs exit {p.ExitCode}: {stderr.Result}");
        return JsonNode.Parse(stdout)!.AsObject();
    }

    /// <summary>Every SHACL result of severity Violation (and Warning when asked), as readable lines.</summary>
    public static List<string> ShaclResults(JsonObject report, params string[] severities)
    {
        var lines = new List<string>();
        foreach (var (set, node) in report["shacl"]!["sets"]!.AsObject())
            foreach (var r in node!["results"]!.AsArray())
                if (severities.Contains((string?)r!["severity"]))
                    lines.Add($"{set}: {r["severity"]} {r["focus"]} {r["path"]} = {r["value"]} ({r["constraint"]}) {r["message"]}");
        return lines;
    }

    static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory), "tests", "Etl.Tests", "Validators");
        Assert.True(File.Exists(Path.Combine(folder, "node_modules", "rdf-validate-shacl", "package.json")),
            $"the validators are not installed in {folder}: the test project's build runs `npm ci` there");
        return folder;
    }
}
