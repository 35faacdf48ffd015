namespace Monitoring.Etl.Schedule;

/// <summary>What the "publish-open-data" job calls (issue 6). Registered in DI, default <see cref="DefaultPublishHook.RunAsync"/>.</summary>
public delegate Task PublishOpenDataHook(string dataDir, CancellationToken ct);
