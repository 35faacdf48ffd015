using System.CommandLine;
using Monitoring.DataDir;

namespace Monitoring.Etl.Cli;

/// <summary>Options several verbs share, declared once so their name, value name and help read the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary>`--data DATA_DIR`; without it the DATA_DIR variable, else ./data (DataDirectory.Locate, the one rule).</summary>
    public static Option<string> Data(string description = "the data directory (snapshots, runs, quarantine); default: $DATA_DIR, else ./data") =>
        new("--data") { Description = description, HelpName = "DATA_DIR", DefaultValueFactory = _ => DataDirectory.Locate(null) };

    /// <summary>`--out PATH`, required.</summary>
    public static Option<string> Out(string description, string valueName = "DIR") =>
        new("--out") { Description = description, HelpName = valueName, Required = true };

    /// <summary>`--demo`: demo mode (also MONITORING_DEMO=1) — a throw-away pseudonym key outside the repository is allowed.</summary>
    public static Option<bool> Demo() =>
        new("--demo") { Description = "demo mode (also MONITORING_DEMO=1): a generated pseudonym key kept outside the repository is allowed" };

    /// <summary>True when --demo was given or MONITORING_DEMO=1.</summary>
    public static bool IsDemo(ParseResult parsed, Option<bool> demo) =>
        parsed.GetValue(demo) || Environment.GetEnvironmentVariable("MONITORING_DEMO") == "1";
}
