using Monitoring.Etl.Episodes;
using Monitoring.Etl.Flags;
using Monitoring.Etl.Indicators;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Pseudonymize;
using Monitoring.Etl.Publish;
using Monitoring.Etl.Read;
using Monitoring.Etl.Staging;
using Monitoring.Etl.StarSchema;
using Monitoring.Etl.Validate;
using Monitoring.Etl.WarehouseLoad;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// The order of the flow, the same for a full export and a delta (docs/ARCHITECTURE.md, "The flow"). Where full
/// and delta differ, the difference is inside one stage (a delta's warehouse is a copy of the one in service with
/// its rows upserted; a delta's lake writes the tables it carries from there and links the others). The names in
/// brackets are the run report's <c>stages</c>, which the operator and the benchmark read.
/// </summary>
public static class PipelineStages
{
    /// <summary>The warehouse models, in build order: used by every run and by the rebuild of the snapshot in service.</summary>
    public static IReadOnlyList<IPipelineStage> Models { get; } =
    [
        new StarSchemaStage(),      // [star_schema]  sql/marts: dimensions, then facts
        new IndicatorsStage(),      // [indicators]   sql/indicators: the catalogue's values
        new FlagsStage(),           // [flags]        funnels, persistence, the snapshot's flag episodes
    ];

    /// <summary>One export, from its files to the snapshot in service.</summary>
    public static IReadOnlyList<IPipelineStage> Ingest { get; } =
    [
        new PseudonymKeyStage(),    //                no key, no run: refused before anything is read
        new OpenExportStage(),      //                landing and building folders, the export (a .zip unpacked), its manifest
        new VerifyStage(),          // [verify]       every file's SHA-256 and line count against the manifest
        new ReadStage(),            // [read]         every file as text into the in-memory landing database
        new PseudonymizeStage(),    // [pseudonymize] one pseudonym per distinct identifier (beside validation on a full export)
        new ValidateStage(),        // [validate]     every rule of the contract, files in dependency order
        new StagingStage(),         // [stage]        quarantine written; passing rows renamed, cast, pseudonymized (a full export: into warehouse.duckdb); raw text dropped
        new PublishGuardStage(),    //                too much quarantined or lost: refused before anything is published
        new WarehouseLoadStage(),   // [warehouse_load] the new snapshot's warehouse.duckdb (a delta: upserted into a copy)
        new LakeStage(),            // [lake]         Parquet of the state the warehouse now holds
        .. Models,
        new PublishStage(),         // [publish]      run.json into the snapshot, then the atomic swap of CURRENT
        new EpisodeRegisterStage(), // [episodes]     the follow-up register takes the new snapshot's flag episodes
    ];
}
