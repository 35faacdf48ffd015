using Monitoring.Etl.Pipeline;
using Monitoring.DataDir;

namespace Monitoring.Etl.Cli;

/// <summary>`rebuild --data DATA_DIR`: star schema, indicators and flags recomputed into a new snapshot.</summary>
public static class RebuildCommand
{
    public static Verb Verb()
    {
        var data = CommonOptions.Data();
        var verb = new Verb("rebuild", "recompute the star schema, indicators and flags of the snapshot in service into a new snapshot") { data };
        verb.SetAction(parsed => Run(parsed.GetValue(data)!));
        return verb;
    }

    public static int Run(string dataDir)
    {
        var runId = SnapshotRebuilder.Rebuild(dataDir);
        Console.WriteLine($"rebuilt and published snapshot {runId}");
        return 0;
    }
}
