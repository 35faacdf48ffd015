using Monitoring.DataDir;
using Monitoring.Etl.OpenData;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Default <see cref="PublishOpenDataHook"/>: publishes the open-data release of the snapshot in
/// service into DATA_DIR/opendata (versioned; a snapshot already released is a no-op). Not a job itself: the
/// "publish-open-data" job (<see cref="HookJob"/>) calls it under the writer lock.
/// </summary>
public static class DefaultPublishHook
{
    public static Task RunAsync(string dataDir, CancellationToken ct) => Task.Run(() =>
    {
        try { OpenDataPublisher.Publish(dataDir, new DataDirectory(dataDir).OpenDataDir); }
        catch (ReleaseExistsException) { /* this snapshot is already published: nothing to do */ }
    }, ct);
}
