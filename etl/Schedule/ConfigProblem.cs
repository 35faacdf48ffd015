namespace Monitoring.Etl.Schedule;

/// <summary>One mistake in schedules.json: where (JSON path, line) and what is wrong.</summary>
public sealed record ConfigProblem(string JsonPath, int? Line, string What)
{
    public override string ToString() => Line is { } l ? $"line {l}, {JsonPath}: {What}" : $"{JsonPath}: {What}";
}
