using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Default <see cref="RebuildIndicatorsHook"/>: recomputes star schema, indicators and flags of the
/// snapshot in service into a new snapshot and swaps it in (<see cref="SnapshotRebuilder"/>). Not a job itself:
/// the "rebuild-indicators" job (<see cref="HookJob"/>) calls it under the writer lock.
/// </summary>
public static class DefaultRebuildHook
{
    public static Task RunAsync(string dataDir, CancellationToken ct) =>
        Task.Run(() => { SnapshotRebuilder.Rebuild(dataDir); }, ct);
}
