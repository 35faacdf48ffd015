using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using Monitoring.DataDir.Runs;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The tiny preset (seed 1) generated once and loaded twice, into two separate data directories.</summary>
public sealed class TinyRun : IDisposable
{
    readonly TempDir _tmp = new();

    public TinyRun()
    {
        try { Load(); }
        catch { _tmp.Dispose(); throw; }
    }

    void Load()
    {
        Export = ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 1, OutputDirectory = _tmp["export"] }).ExportDirectory;
        DataDir = _tmp["data"];
        SecondDataDir = _tmp["data-again"];
        Report = PipelineRunner.Run(new PipelineOptions { Source = Export, DataDir = DataDir, Demo = true });
        SecondReport = PipelineRunner.Run(new PipelineOptions { Source = Export, DataDir = SecondDataDir, Demo = true });
    }

    public string Export { get; private set; } = "";
    public string DataDir { get; private set; } = "";
    public string SecondDataDir { get; private set; } = "";
    public RunReport Report { get; private set; } = new();
    public RunReport SecondReport { get; private set; } = new();

    public string Snapshot => new SnapshotStore(DataDir).CurrentSnapshotDir() ?? throw new InvalidOperationException($"tiny run did not publish: {Report.Status} {Report.Error}");
    public string Warehouse => DataDirectory.WarehouseFile(Snapshot);
    public string Lake => DataDirectory.LakeDir(Snapshot);

    public void Dispose() => _tmp.Dispose();
}
