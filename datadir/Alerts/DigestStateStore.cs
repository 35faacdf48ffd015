using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.DataDir.Alerts;

/// <summary>DATA_DIR/alerts/digest/&lt;user key&gt;.json: written by the digest job only.</summary>
public sealed class DigestStateStore(DataDirectory dir)
{
    public DigestState Get(string userKey) => AlertFiles.Read<DigestState>(PathOf(userKey)) ?? DigestState.New(userKey);

    public void Save(DigestState state) => AlertFiles.Write(PathOf(state.UserKey), state);

    public IReadOnlyList<DigestState> All() => AlertFiles.ReadAll<DigestState>(dir.AlertDigestDir).ToList();

    private string PathOf(string userKey) => DataDirectory.AlertUserFile(dir.AlertDigestDir, userKey);
}
