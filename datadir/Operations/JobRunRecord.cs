namespace Monitoring.DataDir.Operations;

/// <summary>
/// One attempt of one scheduled job, as stored in DATA_DIR/jobs.duckdb (table job_runs).
/// Times are UTC. <see cref="Attempt"/> counts from 1; a failed attempt the scheduler will retry
/// has <see cref="RetryScheduled"/> true, so "the job failed" means the last attempt of an
/// occurrence failed with RetryScheduled false.
/// </summary>
public sealed record JobRunRecord
{
    public required string JobName { get; init; }
    /// <summary>ingest-latest-export | rebuild-indicators | publish-open-data | housekeeping</summary>
    public required string JobType { get; init; }
    /// <summary>schedule (its cron), chain (followed another job), manual (run-job)</summary>
    public required string TriggeredBy { get; init; }
    public int Attempt { get; init; } = 1;
    public DateTime StartedAt { get; init; }
    public DateTime FinishedAt { get; init; }
    /// <summary>succeeded | failed | skipped</summary>
    public required string Status { get; init; }
    public long? Rows { get; init; }
    /// <summary>The export the run read (manifest export_id), when it read one.</summary>
    public string? ExportId { get; init; }
    /// <summary>Why it failed or was skipped; never personal data (messages come from our own code and paths).</summary>
    public string? Message { get; init; }
    public bool RetryScheduled { get; init; }
    public string Host { get; init; } = "";
    public int Pid { get; init; }
}
