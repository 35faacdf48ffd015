namespace Monitoring.Etl.Schedule;

/// <summary>schedules.json, validated: the time zone the crons are read in and the jobs.</summary>
public sealed record ScheduleConfig(string SourcePath, TimeZoneInfo TimeZone, IReadOnlyList<JobDefinition> Jobs)
{
    public const string DefaultTimeZone = "Europe/Rome";

    public JobDefinition? Find(string name) => Jobs.FirstOrDefault(j => j.Name == name);
}
