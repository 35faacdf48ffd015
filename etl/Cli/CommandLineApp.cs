using System.CommandLine;

namespace Monitoring.Etl.Cli;

/// <summary>
/// How every executable of the project (etl and the tools in tools/) reads its arguments: System.CommandLine parses
/// them against the verbs' declared options (so `--help` works for every verb and an unknown or missing option is named),
/// then runs the verb. Nothing an operator types ever ends in a stack trace: bad arguments print the parser's message
/// and a pointer to --help, a failing verb prints its exception's type and first line (a stack trace may quote data and
/// tells an operator nothing).
/// </summary>
public static class CommandLineApp
{
    /// <summary>EX_USAGE, the exit code of bad arguments unless a verb says otherwise.</summary>
    public const int UsageExit = 64;

    public static async Task<int> RunAsync(RootCommand root, string[] args, int usageExit = UsageExit, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parsed = root.Parse(args);
        var command = parsed.CommandResult.Command;
        var usage = command is Verb verb ? verb.UsageExit : usageExit;
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync($"see: {string.Join(' ', CommandPath(command))} --help");
            return usage;
        }
        try
        {
            // No termination handling by the parser (ProcessTerminationTimeout = null): a verb that runs long handles
            // Ctrl+C / SIGTERM itself (the scheduler's host stops cleanly and exits 0; the parser's handler would exit 143).
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = error,
            });
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync(e.Message);
            return usage;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return 1;
        }
    }

    /// <summary>`monitoring-etl run`: the root's name, then each verb down to this one.</summary>
    static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.FirstOrDefault()) names.Push(s.Name);
        return names;
    }
}
