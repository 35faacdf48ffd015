using Monitoring.DataDir;
using System.CommandLine;

namespace Monitoring.Etl.Schedule;

/// <summary>The options shared by `schedule` and `run-job`: --config, --data, and (run-job) the job name.</summary>
public sealed record ScheduleArgs(string ConfigPath, string DataDir, string? JobName)
{
    public const string DefaultDataDir = "data";

    /// <summary>`--config|-c FILE` and `--data|-d DATA_DIR`, both optional, as the two verbs declare them.</summary>
    public sealed record Options(Option<string?> Config, Option<string?> Data)
    {
        public static Options Create() => new(
            new Option<string?>("--config", "-c") { Description = "the schedule (default: schedules.json in the current folder, else the copy beside the executable)", HelpName = "schedules.json" },
            new Option<string?>("--data", "-d") { Description = $"the data directory (default: $DATA_DIR, else ./{DefaultDataDir})", HelpName = "DATA_DIR" });

        public ScheduleArgs Read(ParseResult parsed, string? jobName = null) =>
            new(parsed.GetValue(Config) ?? DefaultConfigPath(), DataDirectory.Locate(parsed.GetValue(Data)), jobName);
    }

    /// <summary>schedules.json in the current folder (the repository's top level), else the copy beside the executable.</summary>
    private static string DefaultConfigPath()
    {
        const string name = "schedules.json";
        return File.Exists(name) ? Path.GetFullPath(name) : Path.Combine(AppContext.BaseDirectory, name);
    }
}
