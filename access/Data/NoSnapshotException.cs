namespace Monitoring.Access.Data;

/// <summary>DATA_DIR has no snapshot in service yet (no CURRENT, or it names a missing warehouse).</summary>
public class NoSnapshotException(string message) : Exception(message);
