using Monitoring.DataDir.Runs;
using DuckDB.NET.Data;
using Monitoring.Etl.Contract;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Read;
using Monitoring.Etl.Validate;
using Monitoring.Warehouse.Pseudonyms;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// What one run's stages hand to each other, in the order they fill it (see <see cref="PipelineStages"/>).
/// A property read before the stage that sets it throws, naming itself, so a stage moved too early fails at once.
/// Disposing closes everything the stages opened: the landing database (personal data in clear) and the
/// export's unpacked copy, the warehouse connection.
/// </summary>
public sealed class RunContext(PipelineOptions options, SnapshotStore store, RunReport report, StageTimer stages, CancellationToken ct) : IDisposable
{
    public PipelineOptions Options { get; } = options;
    public SnapshotStore Store { get; } = store;
    public DataDirectory Dir => Store.Dir;
    public RunReport Report { get; } = report;
    public StageTimer Stages { get; } = stages;
    public CancellationToken Cancellation { get; } = ct;

    /// <summary>The snapshot in service when the run started (the state a delta applies to), or null.</summary>
    public string? Previous { get; set; }

    /// <summary>Set by <c>PseudonymKeyStage</c>.</summary>
    public PseudonymKey Key { get => Get(_key); set => _key = value; }
    PseudonymKey? _key;

    /// <summary>DATA_DIR/landing/&lt;run&gt; and DATA_DIR/building/&lt;run&gt;; set by <c>OpenExportStage</c>.</summary>
    public string LandingFolder { get => Get(_landingFolder); set => _landingFolder = value; }
    string? _landingFolder;
    public string BuildingFolder { get => Get(_buildingFolder); set => _buildingFolder = value; }
    string? _buildingFolder;
    public string WarehouseFile => DataDirectory.WarehouseFile(BuildingFolder);
    public string LakeDir => DataDirectory.LakeDir(BuildingFolder);

    public ExportSource Source { get => Get(_source); set => _source = value; }
    ExportSource? _source;
    public Manifest Manifest { get => Get(_manifest); set => _manifest = value; }
    Manifest? _manifest;
    public bool IsDelta => Manifest.IsDelta;

    /// <summary>The contract files the export holds (all of them for a full export).</summary>
    public IReadOnlyList<FileSpec> Files { get => Get(_files); set => _files = value; }
    IReadOnlyList<FileSpec>? _files;
    public IReadOnlyDictionary<string, FileFingerprint> Fingerprints { get => Get(_fingerprints); set => _fingerprints = value; }
    IReadOnlyDictionary<string, FileFingerprint>? _fingerprints;

    /// <summary>The in-memory landing database (<see cref="LandingDatabase"/>); set by <c>ReadStage</c>, closed before the models are built.</summary>
    public DuckDBConnection Landing { get => Get(_landing); set => _landing = value; }
    DuckDBConnection? _landing;

    /// <summary>Each file read, as text, in file order.</summary>
    public Dictionary<FileSpec, RawCsvLoader.Result> Loaded { get; } = new();

    /// <summary>Seconds the pseudonym maps took; they may still be computing beside validation (see <c>PseudonymizeStage</c>).</summary>
    public Task<double> Pseudonyms { get => Get(_pseudonyms); set => _pseudonyms = value; }
    Task<double>? _pseudonyms;

    public Dictionary<FileSpec, FileValidator.Outcome> Outcomes { get; } = new();

    /// <summary>The lake tables this export carries rows for (all of them for a full export).</summary>
    public IReadOnlyList<LakeTable> Staged => LakeTable.All.Where(t => Loaded.Keys.Any(f => f.Stem == t.Stem)).ToList();

    /// <summary>
    /// The warehouse tables the load replaced (a delta), from which only what reads them is rebuilt; null after a full
    /// load (everything is new). Then, from the star schema stage on, the scope of the rebuild: those tables and
    /// the models rebuilt from them, or null to build everything.
    /// </summary>
    public HashSet<string>? Changed { get; set; }

    /// <summary>The indicators the indicator stage computed (a delta's flags evaluate only their funnels again).</summary>
    public IReadOnlySet<string>? RecomputedIndicators { get; set; }

    /// <summary>Set by the publish stage once CURRENT names the new snapshot: from then on the run has succeeded.</summary>
    public bool Published { get; set; }

    /// <summary>
    /// The new snapshot's warehouse.duckdb, opened by the first model stage. The landing database is closed first:
    /// everything in it is in the warehouse and the lake by then, and its memory goes back before the build.
    /// </summary>
    public DuckDBConnection OpenWarehouse()
    {
        if (_warehouse is not null) return _warehouse;
        CloseLanding();
        _warehouse = new DuckDBConnection($"Data Source={WarehouseFile}");
        _warehouse.Open();
        // The same limit as the landing database (closed just above), spilling inside DATA_DIR (DuckDB's default would be
        // warehouse.duckdb.tmp inside the snapshot being built); the folder goes when the run ends (Dispose).
        DuckDbMemory.Apply(_warehouse, WarehouseSpill);
        return _warehouse;
    }
    DuckDBConnection? _warehouse;

    /// <summary>DATA_DIR/tmp/&lt;run&gt;: where the warehouse spills above <see cref="DuckDbMemory.Limit"/>.</summary>
    public string WarehouseSpill => Dir.Temp(Report.RunId);

    /// <summary>Checkpoints and closes the warehouse: the file is complete on disk before it is published.</summary>
    public void CloseWarehouse()
    {
        if (_warehouse is null) return;
        Sql.Exec(_warehouse, "CHECKPOINT");
        _warehouse.Dispose();
        _warehouse = null;
    }

    void CloseLanding()
    {
        if (_landing is null) return;
        WaitForPseudonyms();
        _landing.Dispose();
        _landing = null;
    }

    /// <summary>Never leave the second connection working on a landing database about to be closed.</summary>
    void WaitForPseudonyms()
    {
        try { _pseudonyms?.Wait(CancellationToken.None); } catch (Exception) { /* reported by the stage that awaits them */ }
    }

    public void Dispose()
    {
        CloseLanding();
        _warehouse?.Dispose();
        _warehouse = null;
        DuckDbMemory.RemoveSpill(WarehouseSpill);
        _source?.Dispose();
    }

    static T Get<T>(T? value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") where T : class =>
        value ?? throw new InvalidOperationException($"run context: {name} is read before the stage that sets it");
}
