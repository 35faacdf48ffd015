namespace Monitoring.Etl.Schedule;

/// <summary>
/// Default <see cref="PublishOpenDataHook"/>: publishes the open-data files of the current snapshot.
/// HOOK FOR ISSUE 6 (open data), not built yet. Runs under the writer lock like the rebuild hook.
/// </summary>
public static class PublishOpenDataJob
{
    public static Task RunAsync(string dataDir, CancellationToken ct) =>
        throw new JobFailedException("publish-open-data is not built yet (issue 6): PublishOpenDataJob.RunAsync is its hook");
}
