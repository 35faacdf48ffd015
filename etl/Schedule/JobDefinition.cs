using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>One job of schedules.json, validated.</summary>
public sealed record JobDefinition
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    /// <summary>Quartz cron (seconds first) in the schedule's time zone; null = runs only when chained or by run-job.</summary>
    public string? Cron { get; init; }
    public bool Enabled { get; init; } = true;
    public CronTriggerMisfireInstruction Misfire { get; init; } = CronTriggerMisfireInstruction.FireAndProceed;
    /// <summary>Retries after a failed attempt; null = a failure waits for the next occurrence.</summary>
    public RetryPolicy? Retry { get; init; }
    /// <summary>Jobs started when this one succeeds (not when it is skipped or fails).</summary>
    public IReadOnlyList<string> FollowedBy { get; init; } = [];
    public JobSettings Settings { get; init; } = new();
}
