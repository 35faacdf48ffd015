using Monitoring.DataDir.FollowUp;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Access;

/// <summary>
/// What every reader of the snapshot in service on someone's behalf stands on: the read-only connections, the
/// per-snapshot memory (<see cref="MetaQueries"/>), the scope rules and the follow-up register's episodes. The
/// dashboards' query layer is built on one; the scheduler's digest job opens its own, so the alerts an e-mail carries
/// pass the same rules, read the same way, as the inbox page.
/// </summary>
public sealed class SnapshotAccess : IDisposable
{
    public SnapshotAccess(string dataDir) : this(new WarehouseConnections(new SnapshotStore(dataDir))) { }

    public SnapshotAccess(WarehouseConnections connections)
    {
        Connections = connections;
        Reader = new WarehouseReader(connections);
        Meta = new MetaQueries(Reader);
        Rules = new ScopeRules(Meta);
        FollowUp = new FollowUpCache(new FollowUpRegister(connections.Store.Dir.Root), connections);
    }

    public WarehouseConnections Connections { get; }
    public WarehouseReader Reader { get; }
    public MetaQueries Meta { get; }
    public ScopeRules Rules { get; }
    public FollowUpCache FollowUp { get; }

    public void Dispose() => Connections.Dispose();
}
