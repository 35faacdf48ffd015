using System.CommandLine;

namespace Monitoring.Etl.Cli;

/// <summary>A verb of one of the project's command lines, with the exit code its bad arguments end in.</summary>
public sealed class Verb(string name, string description) : Command(name, description)
{
    /// <summary>64 (EX_USAGE) unless the verb documented another one before the parser was shared (schedule, run-job: 2).</summary>
    public int UsageExit { get; set; } = CommandLineApp.UsageExit;
}

/// <summary>Arguments that parse but make no sense together (or a value the parser cannot check): exit with the verb's usage code.</summary>
public sealed class CliUsageException(string message) : Exception(message);
