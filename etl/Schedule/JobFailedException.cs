namespace Monitoring.Etl.Schedule;

/// <summary>A job attempt failed for a reason we can state plainly (refused export, lock held, missing folder); recorded without a stack trace.</summary>
public sealed class JobFailedException(string message, string? exportId = null) : Exception(message)
{
    public string? ExportId { get; } = exportId;
}
