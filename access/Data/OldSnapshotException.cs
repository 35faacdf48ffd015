namespace Monitoring.Access.Data;

/// <summary>
/// The snapshot CURRENT names was built by an earlier release, before the dashboard marts (sql/marts/dash_*) it lacks:
/// the dashboards read only those marts, so they do not serve it. A kind of "no snapshot in service" (pages say there
/// is no data, CSVs answer 503), whose message tells the operator what to run.
/// </summary>
public sealed class OldSnapshotException(string message) : NoSnapshotException(message);
