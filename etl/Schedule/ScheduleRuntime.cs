namespace Monitoring.Etl.Schedule;

/// <summary>What every scheduled job shares: the validated schedule and the data directory it writes.</summary>
public sealed record ScheduleRuntime(ScheduleConfig Config, string DataDir);
