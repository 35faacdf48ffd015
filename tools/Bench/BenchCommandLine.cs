using System.CommandLine;
using Monitoring.Etl.Cli;
using Monitoring.Tools.Bench.Panels;
using Monitoring.Tools.Bench.Pipeline;

namespace Monitoring.Tools.Bench;

/// <summary>The benchmarks' verbs: `pipeline` times the etl against DuckDB's native path, `panels` the dashboards' queries.</summary>
public static class BenchCommandLine
{
    public const int UsageExit = 2;

    public static RootCommand Root() => new("Benchmarks of the pipeline and of the dashboards' panels (not part of the product)")
    {
        BenchCommand.Verb(),
        QueryBenchmark.Verb(),
    };

    /// <summary>Parses and runs one command line, as `dotnet monitoring-bench.dll args...` does.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null) => CommandLineApp.RunAsync(Root(), args, UsageExit, output);
}
