using Monitoring.DataDir;

namespace Monitoring.Etl.Schedule;

/// <summary>The options shared by `schedule` and `run-job`: --config, --data, and (run-job) the job name.</summary>
public sealed record ScheduleArgs(string ConfigPath, string DataDir, string? JobName)
{
    /// <summary>Parses args; returns null and an error text for the operator when they make no sense.</summary>
    public static ScheduleArgs? Parse(string[] args, bool wantsJobName, out string? error)
    {
        string? config = null, data = null, name = null;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" or "-c" when i + 1 < args.Length: config = args[++i]; break;
                case "--data" or "-d" when i + 1 < args.Length: data = args[++i]; break;
                case var a when a.StartsWith('-'):
                    error = $"unknown or incomplete option {a}"; return null;
                case var a when wantsJobName && name is null: name = a; break;
                default:
                    error = $"unexpected argument {args[i]}"; return null;
            }
        }
        if (wantsJobName && name is null) { error = "missing the job name"; return null; }
        return new ScheduleArgs(config ?? DefaultConfigPath(), DataDirectory.Locate(data), name);
    }

    /// <summary>schedules.json in the current folder (the repository's top level), else the copy beside the executable.</summary>
    private static string DefaultConfigPath()
    {
        const string name = "schedules.json";
        return File.Exists(name) ? Path.GetFullPath(name) : Path.Combine(AppContext.BaseDirectory, name);
    }
}
