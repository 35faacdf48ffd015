using System.Text.Json;

namespace Monitoring.Tests.Etl.Support;

/// <summary>`etl run` as a real child process, with its exit code, its output and the JSON report it wrote (--report).</summary>
public sealed record CliRun(int ExitCode, string Output, JsonElement? Report)
{
    public static CliRun Of(string source, string dataDir, string[]? args = null, IReadOnlyDictionary<string, string>? env = null)
    {
        var reportFile = Path.Combine(Path.GetTempPath(), $"etl-report-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = EtlProcess.Run(env, ["run", "--source", source, "--data", dataDir, "--demo", "--report", reportFile, .. args ?? []]);
            JsonElement? report = File.Exists(reportFile) ? JsonDocument.Parse(File.ReadAllText(reportFile)).RootElement.Clone() : null;
            return new CliRun(exit, output, report);
        }
        finally { File.Delete(reportFile); }
    }

    public string? Error => Report?.GetProperty("error").GetString();

    /// <summary>(read, loaded, quarantined) of one file in the report.</summary>
    public (long Read, long Loaded, long Quarantined) Counts(string file)
    {
        var f = Report!.Value.GetProperty("files").GetProperty(file);
        return (f.GetProperty("read").GetInt64(), f.GetProperty("loaded").GetInt64(), f.GetProperty("quarantined").GetInt64());
    }

    /// <summary>Every file of the report reconciles: read = loaded + quarantined, and the reasons add up to quarantined.</summary>
    public void AssertReconciles()
    {
        foreach (var file in Report!.Value.GetProperty("files").EnumerateObject())
        {
            var (read, loaded, quarantined) = Counts(file.Name);
            Assert.True(read == loaded + quarantined, $"{file.Name}: read {read} ≠ loaded {loaded} + quarantined {quarantined}");
            var reasons = file.Value.GetProperty("reasons").EnumerateObject().Sum(r => r.Value.GetInt64());
            Assert.True(reasons == quarantined, $"{file.Name}: reasons add up to {reasons}, quarantined {quarantined}");
        }
    }

    /// <summary>No stack trace, no exception dump: what an operator reads.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Output);
        Assert.DoesNotContain("Unhandled exception", Output);
    }
}
