namespace Monitoring.Etl.Schedule;

/// <summary>What a job attempt that did not fail achieved: succeeded or skipped, rows touched, the export it read.</summary>
public sealed record JobOutcome(string Status, long? Rows, string? ExportId, string? Message)
{
    public const string SucceededStatus = "succeeded";
    public const string FailedStatus = "failed";
    public const string SkippedStatus = "skipped";

    public static JobOutcome Succeeded(long? rows = null, string? exportId = null, string? message = null) => new(SucceededStatus, rows, exportId, message);
    public static JobOutcome Skipped(string message, string? exportId = null) => new(SkippedStatus, null, exportId, message);
}
