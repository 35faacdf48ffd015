using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.DataDir.Alerts;

/// <summary>
/// Which alerts each user has read: DATA_DIR/alerts/inbox/&lt;user key&gt;.json, written by the dashboards only. Alerts are
/// computed from the data each time; only the read marks are stored. Marks of alerts older than the inbox keeps are
/// dropped at the next write, so the file stays small.
/// </summary>
public sealed class InboxStore(DataDirectory dir)
{
    private sealed record InboxFile(List<string> Read);

    public IReadOnlySet<string> ReadIds(string userId) =>
        AlertFiles.Read<InboxFile>(PathOf(userId))?.Read.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="ids"/> read, keeping only marks of alerts still in <paramref name="stillListed"/>.</summary>
    public void MarkRead(string userId, IEnumerable<string> ids, IReadOnlySet<string> stillListed)
    {
        var read = ReadIds(userId).Where(stillListed.Contains).Union(ids, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        AlertFiles.Write(PathOf(userId), new InboxFile(read));
    }

    private string PathOf(string userId) => DataDirectory.AlertUserFile(dir.AlertInboxDir, AlertUserKey.Of(userId));
}
