using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Default <see cref="RebuildIndicatorsHook"/>: recomputes star schema, indicators and flags of the
/// snapshot in service into a new snapshot and swaps it in (<see cref="SnapshotRebuilder"/>).
/// </summary>
public static class RebuildIndicatorsJob
{
    public static Task RunAsync(string dataDir, CancellationToken ct) =>
        Task.Run(() => { SnapshotRebuilder.Rebuild(dataDir); }, ct);
}
