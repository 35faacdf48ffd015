using Monitoring.DataDir.FollowUp;

namespace Monitoring.Access.SnapshotMemory;

/// <summary>
/// The follow-up register's episodes as the pages read them, kept in memory until the register changes. Opening
/// followup.duckdb read-write (what <see cref="FollowUpRegister"/> does on every call) costs tens of milliseconds,
/// more than the flag query itself, so a page view re-reads it only when the file changed: a write through this
/// cache drops the copy at once, and a write by another process (a load) changes the file's or its write-ahead log's
/// size or modification time. When the snapshot in service is newer than the one the register last took its
/// episodes from (a load whose own sync failed), the cache brings the register up to date first.
/// </summary>
public sealed class FollowUpCache(FollowUpRegister register, WarehouseConnections connections)
{
    private readonly object _gate = new();
    private (string Stamp, EpisodeSet Episodes)? _copy;
    private string? _syncedRunId;

    public FollowUpRegister Register => register;

    /// <summary>Every episode of the register, with lookups by id and by indicator × ATS.</summary>
    public EpisodeSet All()
    {
        lock (_gate)
        {
            SyncIfBehind();
            var stamp = Stamp();
            if (_copy is { } copy && copy.Stamp == stamp) return copy.Episodes;
            var episodes = new EpisodeSet(register.Episodes());
            // Stamped after the read: the first read creates the file, and that must not count as a change.
            _copy = (Stamp(), episodes);
            return episodes;
        }
    }

    public Episode SetStatus(string episodeId, FollowUpStatus status, Actor by, string? notes, string? reason)
    {
        lock (_gate)
        {
            _copy = null;
            return register.SetStatus(episodeId, status, by, notes, reason);
        }
    }

    private void SyncIfBehind()
    {
        var runId = connections.Store.CurrentRunId();
        if (runId is null || runId == _syncedRunId) return;
        if (register.SyncedRunId() != runId)
        {
            var (connection, openedRun) = connections.Open();
            using (connection)
                EpisodeSync.Sync(register, SnapshotEpisodes.Read(connection), openedRun);
            _copy = null;
        }
        _syncedRunId = runId;
    }

    private string Stamp()
    {
        static string Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? $"{file.Length}@{file.LastWriteTimeUtc.Ticks}" : "-";
        }
        return Of(register.FilePath) + "|" + Of(register.FilePath + ".wal");
    }
}
