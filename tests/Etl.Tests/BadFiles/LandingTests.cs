using System.Diagnostics;
using System.IO.Compression;
using Monitoring.Etl.Schedule;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>
/// A .zip run killed with SIGKILL leaves its unpacked CSVs (personal data in clear) in landing/; the
/// next run removes them first thing, and so does housekeeping.
/// </summary>
public class LandingTests
{
    /// <summary>Starts `etl run` on the zip and kills it (SIGKILL) as soon as its unpacked files are on disk; returns the landing folder left.</summary>
    static string KillDuringUnpackedRun(TempDir tmp, string data)
    {
        var export = FixtureExport.Valid().Write(tmp["export"]);
        var zip = tmp["export.zip"];
        if (!File.Exists(zip)) ZipFile.CreateFromDirectory(export, zip);
        var landing = new DataDirectory(data).LandingDir;
        using var child = EtlProcess.Start(null, "run", "--source", zip, "--data", data, "--demo");
        var clock = Stopwatch.StartNew();
        string? unpacked = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !child.Process.HasExited)
        {
            unpacked = Directory.Exists(landing)
                ? Directory.EnumerateFiles(landing, "persons.csv", SearchOption.AllDirectories).FirstOrDefault()
                : null;
            if (unpacked is not null) break;
            Thread.Sleep(5);
        }
        Assert.True(unpacked is not null, "the run ended before its unpacked files could be seen: " + child.Output);
        child.Process.Kill(entireProcessTree: true); // SIGKILL: no finally block runs
        child.Process.WaitForExit();
        Assert.True(File.Exists(unpacked), "the killed run's unpacked persons.csv should still be there");
        return unpacked!;
    }

    [Fact]
    public void The_next_run_removes_what_a_killed_zip_run_unpacked()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var leftover = KillDuringUnpackedRun(tmp, data);

        var next = CliRun.Of(FixtureExport.Valid().Write(tmp["next"]), data);

        Assert.True(next.ExitCode == 0, next.Output);
        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.EnumerateFileSystemEntries(new DataDirectory(data).LandingDir));
        var warnings = next.Report!.Value.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("landing: removed 1 folder(s) left by a run that was stopped", warnings);
    }

    [Fact]
    public async Task Housekeeping_removes_what_a_killed_zip_run_unpacked()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var leftover = KillDuringUnpackedRun(tmp, data);

        var job = new JobDefinition { Name = "housekeeping", Type = JobTypes.Housekeeping, Settings = new JobSettings { KeepSnapshots = 5 } };
        var outcome = await new HousekeepingJob().RunAsync(job, data, CancellationToken.None);

        Assert.Equal("succeeded", outcome.Status);
        Assert.Contains("1 landing leftover(s)", outcome.Message);
        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.EnumerateFileSystemEntries(new DataDirectory(data).LandingDir));
    }
}
