using Monitoring.Etl.Cli;

// The etl command line: the verbs are listed in Cli/EtlCommandLine.cs, each one in its own file.
return await EtlCommandLine.RunAsync(args);
