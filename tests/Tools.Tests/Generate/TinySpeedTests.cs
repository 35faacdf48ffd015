using System.Diagnostics;
using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>Runs alone (see TinySpeedCollection): it measures the CPU the process spends, which other test classes would inflate.</summary>
[Collection(nameof(TinySpeedTests))]
public class TinySpeedTests
{
    // CPU time, not wall-clock: the shared 2-core machine can be loaded by other builds, which
    // stretches wall time without saying anything about the generator.
    [Fact]
    public void TinyPresetNeedsUnderTwoSecondsOfCpu()
    {
        var root = Path.Combine(Path.GetTempPath(), "gen-speed-" + Guid.NewGuid().ToString("N"));
        try
        {
            ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, OutputDirectory = Path.Combine(root, "warm") });
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, OutputDirectory = Path.Combine(root, "x") });
            process.Refresh();
            var cpu = process.TotalProcessorTime - before;
            Assert.True(cpu < TimeSpan.FromSeconds(2), $"tiny took {cpu.TotalSeconds:F2} s of CPU");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
