namespace Monitoring.Tests.Dashboards;

/// <summary>Where screenshots and the app's log go: tests/Dashboards.Tests/artifacts (gitignored).</summary>
public static class Artifacts
{
    public static string RepoRoot { get; } = FindRoot();
    public static string Dir => Path.Combine(RepoRoot, "tests", "Dashboards.Tests", "artifacts");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Monitoring.sln"))) return d.FullName;
        throw new InvalidOperationException("Monitoring.sln not found above the test binaries");
    }
}
