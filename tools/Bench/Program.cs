using Monitoring.Etl.Cli;

// The benchmarks' command line: `pipeline` (was `etl bench`), `panels` (was `Monitoring.Dashboards.dll bench`).
try
{
    return args.FirstOrDefault() switch
    {
        "pipeline" => Monitoring.Etl.Bench.BenchCommand.Run(new CliArgs(args.Skip(1))),
        "panels" => Monitoring.Dashboards.Queries.QueryBenchmark.RunCommand(args, Console.Out),
        _ => 64,
    };
}
catch (CliUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}
