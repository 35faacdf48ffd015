using System.Text.Json;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>The real pipeline loads a generated export whole: nothing refused, nothing quarantined.</summary>
public class PipelineAcceptanceTests
{
    [Fact]
    public void TinyExportRunsThroughThePipelineWithZeroQuarantine()
    {
        var root = Path.Combine(Path.GetTempPath(), "gen-pipeline-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = ExportGenerator.Generate(new GeneratorOptions
            {
                Preset = GeneratorPreset.Tiny, Seed = 5, OutputDirectory = Path.Combine(root, "export"),
            });
            var report = PipelineRunner.Run(new PipelineOptions
            {
                Source = summary.ExportDirectory, DataDir = Path.Combine(root, "data"), Demo = true,
            });
            Assert.True(report.Status == RunStatus.Succeeded, $"{report.Status}: {report.Error}");
            foreach (var file in summary.Files)
            {
                var counts = report.Files[file.FileName];
                Assert.True(counts.Quarantined == 0,
                    $"{file.FileName}: {JsonSerializer.Serialize(counts.Reasons)}");
                Assert.Equal(file.Rows, counts.Read);
                Assert.Equal(file.Rows, counts.Loaded);
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
