using System.CommandLine;
using Monitoring.Etl.OpenData;
using Monitoring.Etl.Research;
using Monitoring.Etl.Schedule;

namespace Monitoring.Etl.Cli;

/// <summary>The etl's verbs, each declared (options and what it runs) in its own file; this only lists them.</summary>
public static class EtlCommandLine
{
    public static RootCommand Root() => new("ADI monitoring: CMIS exports into the pseudonymized lake and the DuckDB warehouse, and their operation")
    {
        RunCommand.Verb(),
        WarehouseCsvCommand.Verb("indicators"),
        WarehouseCsvCommand.Verb("flags"),
        RebuildCommand.Verb(),
        CompactCommand.Verb(),
        ScheduleCommand.Verb(),
        RunJobCommand.Verb(),
        PublishCommand.Verb(),
        ExtractCommand.Verb(),
    };

    /// <summary>Parses and runs one command line, as `dotnet monitoring-etl.dll args...` does.</summary>
    public static Task<int> RunAsync(string[] args) => CommandLineApp.RunAsync(Root(), args);
}
