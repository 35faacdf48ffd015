using Monitoring.Warehouse.FollowUp;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The follow-up register as the flag list reads it, kept in memory until the register changes. Opening
/// followup.duckdb read-write (what <see cref="FollowUpRegister"/> does on every call) costs tens of
/// milliseconds, more than the flag query itself, so a page view re-reads it only when the file changed:
/// a write through this cache drops the copy at once, and a write by another process changes the file's
/// or its write-ahead log's size or modification time.
/// </summary>
public sealed class FollowUpCache(FollowUpRegister register)
{
    private readonly object _gate = new();
    private (string Stamp, IReadOnlyDictionary<(string IndicatorId, string AtsCode, string Month), FollowUpEntry> Entries)? _copy;

    public FollowUpRegister Register => register;

    /// <summary>Every entry by (indicator, ATS, month).</summary>
    public IReadOnlyDictionary<(string IndicatorId, string AtsCode, string Month), FollowUpEntry> All()
    {
        lock (_gate)
        {
            var stamp = Stamp();
            if (_copy is { } copy && copy.Stamp == stamp) return copy.Entries;
            var entries = register.ReadAll().ToDictionary(e => (e.IndicatorId, e.AtsCode, e.Month));
            // Stamped after the read: the first read creates the file, and that must not count as a change.
            _copy = (Stamp(), entries);
            return entries;
        }
    }

    public FollowUpEntry SetStatus(string indicatorId, string atsCode, string month, FollowUpStatus status, string updatedBy, string? notes)
    {
        lock (_gate)
        {
            _copy = null;
            return register.SetStatus(indicatorId, atsCode, month, status, updatedBy, notes);
        }
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
