using Monitoring.Etl.Pipeline;
using Monitoring.DataDir;

namespace Monitoring.Etl.Cli;

/// <summary>`rebuild --data DATA_DIR`: star schema, indicators and flags recomputed into a new snapshot.</summary>
public static class RebuildCommand
{
    public static int Run(CliArgs args)
    {
        var runId = SnapshotRebuilder.Rebuild(DataDirectory.Locate(args.Get("data")));
        Console.WriteLine($"rebuilt and published snapshot {runId}");
        return 0;
    }
}
