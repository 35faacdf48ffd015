using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// One tiny export run through the real pipeline into a DATA_DIR, shared by the open-data and research tests
/// (the run takes ~20 s; the key is TestKey's, set for the whole assembly).
/// </summary>
public sealed class TinyWarehouseFixture : IDisposable
{
    readonly TempDir _dir = new();

    public string DataDir => _dir["data"];
    public string Root => _dir.Root;
    public string RunId { get; }
    public string WarehouseFile { get; }

    /// <summary>One open-data release of this warehouse, published on first use and shared.</summary>
    public ReleaseFixture Release => _release.Value;
    readonly Lazy<ReleaseFixture> _release;

    public TinyWarehouseFixture()
    {
        _ = TestKey.Hex; // the module initializer has set the key; touching TestKey documents the dependency
        ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 1, OutputDirectory = _dir["export"] });
        var report = PipelineRunner.Run(new PipelineOptions { Source = _dir["export"], DataDir = DataDir, Demo = true });
        Assert.Equal(RunStatus.Succeeded, report.Status);
        var store = new Monitoring.DataDir.Snapshots.SnapshotStore(DataDir);
        RunId = store.CurrentRunId()!;
        WarehouseFile = store.CurrentWarehouse()!;
        _release = new Lazy<ReleaseFixture>(() => new ReleaseFixture(this));
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TinyWarehouseCollection : ICollectionFixture<TinyWarehouseFixture>
{
    public const string Name = "tiny-warehouse";
}
