using Monitoring.Etl.Cli;

// The etl command line: each verb lives in its own file; this only dispatches.
try
{
    var verb = args.FirstOrDefault();
    var rest = args.Skip(1).ToArray();
    return verb switch
    {
        "run" => RunCommand.Run(new CliArgs(rest)),
        "indicators" => WarehouseCsvCommand.Run(new CliArgs(rest), "indicators"),
        "flags" => WarehouseCsvCommand.Run(new CliArgs(rest), "flags"),
        "schedule" => await Monitoring.Etl.Schedule.ScheduleCommand.RunAsync(rest),
        "run-job" => await Monitoring.Etl.Schedule.RunJobCommand.RunAsync(rest),
        "publish" => Monitoring.Etl.OpenData.PublishCommand.Run(rest),
        "extract" => Monitoring.Etl.Research.ExtractCommand.Run(rest),
        "rebuild" => RebuildCommand.Run(new CliArgs(rest)),
        _ => Usage.Print(verb),
    };
}
catch (CliUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}
catch (Exception e)
{
    // Never a stack trace (it may quote data, and it tells an operator nothing): the type and first line.
    Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    return 1;
}
