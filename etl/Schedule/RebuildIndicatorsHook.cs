namespace Monitoring.Etl.Schedule;

/// <summary>
/// What the "rebuild-indicators" job calls: rebuild indicators and flags of the data directory's
/// current state. Registered in DI (default <see cref="DefaultRebuildHook.RunAsync"/>); a named
/// delegate rather than a bare Func so it cannot be confused with the publish hook in the container.
/// </summary>
public delegate Task RebuildIndicatorsHook(string dataDir, CancellationToken ct);
