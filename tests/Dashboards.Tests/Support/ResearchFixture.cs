using Monitoring.Etl.Research;

namespace Monitoring.Tests.Dashboards;

/// <summary>A real research extract of the snapshot in service, made by the real extractor into DATA_DIR/research.</summary>
public static class ResearchFixture
{
    public const string Project = "dashboards-test";

    /// <summary>The extract folder of the current snapshot, made now unless it exists already (extracts are never overwritten).</summary>
    public static string EnsureExtract(string dataDir)
    {
        var outDir = Path.Combine(dataDir, "research");
        var runId = File.ReadAllText(Path.Combine(dataDir, "CURRENT")).Trim();
        var folder = Path.Combine(outDir, $"{Project}_r{runId}");
        if (Directory.Exists(folder)) return folder;
        var report = ResearchExtractor.Extract(new ResearchExtractOptions { DataDir = dataDir, Project = Project, OutDir = outDir, Demo = true });
        return report.Folder;
    }
}
