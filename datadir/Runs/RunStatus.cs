using System.Text.Json.Serialization;

namespace Monitoring.DataDir.Runs;

/// <summary>
/// How a run ended. Written into the run report as the lower-case words the reports have always held
/// (the operations page, the scheduler's history and older reports read them as text).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    /// <summary>Loaded and published: the new snapshot is in service.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    /// <summary>The export (or the run's set-up) cannot be taken; nothing was published. Exit code 2.</summary>
    [JsonStringEnumMemberName("refused")] Refused,
    /// <summary>The run broke (storage, engine, cancellation); nothing was published. Exit code 1.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>Nothing to do (never written by the pipeline itself; kept because reports may say so).</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,
    /// <summary>Never written: how a report file that cannot be read is listed (RunReports.Read).</summary>
    [JsonStringEnumMemberName("unreadable")] Unreadable,
}

public static class RunStatusText
{
    /// <summary>The word the report holds ("succeeded", "refused", …), for messages and summaries.</summary>
    public static string Text(this RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Refused => "refused",
        RunStatus.Failed => "failed",
        RunStatus.Unreadable => "unreadable",
        _ => "skipped",
    };
}
