using System.CommandLine;
using System.CommandLine.Help;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// The web host's command line, checked (System.CommandLine) before the host starts: `--help` describes it instead of
/// starting a server, and a token that is neither a declared option nor a configuration setting is refused by name
/// instead of being silently ignored. The host's configuration then reads the same arguments as before, so a setting
/// given as `--Section:Key=value` or `--Section:Key value` (such as `--Auth:Oidc:Authority=...`) still applies.
/// </summary>
public static class HostCommandLine
{
    /// <summary>EX_USAGE, as the etl's bad arguments.</summary>
    public const int UsageExit = 64;

    /// <summary>Null to go on and start the host; otherwise the exit code (0 after --help, 64 for bad arguments).</summary>
    public static int? Check(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("The ADI monitoring dashboards: a web server on the snapshot in service of a DATA_DIR. " +
                                   "Any setting of appsettings.json can also be given as --Section:Key=value.")
        {
            new Option<string>("--data") { Description = "the data directory (default: the Dashboards:DataDir setting, then the DATA_DIR variable)", HelpName = "DATA_DIR" },
            new Option<string>("--urls") { Description = "where to listen (default http://localhost:5000)", HelpName = "http://127.0.0.1:5080" },
            new Option<string>("--environment") { Description = "Development or Production (default Production)", HelpName = "NAME" },
            new Option<string>("--contentRoot") { Description = "the folder holding wwwroot and appsettings.json (default: the application's own folder)", HelpName = "DIR" },
        };
        root.TreatUnmatchedTokensAsErrors = false;
        var parsed = root.Parse(args);
        if (parsed.Action is HelpAction)
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        var unknown = NotSettings(parsed.UnmatchedTokens).ToList();
        var problems = parsed.Errors.Select(e => e.Message).Concat(unknown.Select(t => $"Unrecognized argument '{t}' (a setting is given as --Section:Key=value)")).ToList();
        if (problems.Count == 0) return null;
        foreach (var p in problems) error.WriteLine(p);
        error.WriteLine($"see: {RootCommand.ExecutableName} --help");
        return UsageExit;
    }

    /// <summary>The tokens that are not a configuration setting: `--Key=value`, or `--Section:Key` and the value after it.</summary>
    static IEnumerable<string> NotSettings(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.StartsWith("--") && t.IndexOf('=') > 2) continue;
            if (t.StartsWith("--") && t.IndexOf(':') > 2 && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--")) { i++; continue; }
            yield return t;
        }
    }
}
