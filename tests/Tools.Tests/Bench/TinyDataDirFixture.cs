using Monitoring.Etl.Pipeline;
using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Bench;

/// <summary>A real DATA_DIR for the panel benchmark: the tiny preset generated and loaded by the real pipeline.</summary>
public sealed class TinyDataDirFixture : IDisposable
{
    public TinyDataDirFixture()
    {
        Directory.CreateDirectory(Root);
        var export = ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 1, OutputDirectory = Path.Combine(Root, "export") });
        var report = PipelineRunner.Run(new PipelineOptions { Source = export.ExportDirectory, DataDir = DataDir, Demo = true });
        if (report.Status != RunStatus.Succeeded) throw new InvalidOperationException($"pipeline {report.Status}: {report.Error}");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "tools-bench-" + Guid.NewGuid().ToString("N")[..8]);
    public string DataDir => Path.Combine(Root, "data");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
