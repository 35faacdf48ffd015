namespace Monitoring.Etl.Schedule;

/// <summary>
/// Default <see cref="RebuildIndicatorsHook"/>: rebuilds indicators and flags with
/// Monitoring.Warehouse.StarSchema.StarSchemaBuilder. TO FILL IN (lead) once that API lands. It runs
/// while the scheduler holds the writer lock for this data directory (the lock is reentrant within
/// the same flow, so calling code that takes it again is fine); it must publish atomically
/// (build under building/, swap CURRENT), never edit the current snapshot in place.
/// </summary>
public static class RebuildIndicatorsJob
{
    public static Task RunAsync(string dataDir, CancellationToken ct) =>
        throw new JobFailedException("rebuild-indicators is not wired yet: RebuildIndicatorsJob.RunAsync waits for StarSchemaBuilder");
}
