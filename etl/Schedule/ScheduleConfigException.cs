namespace Monitoring.Etl.Schedule;

/// <summary>schedules.json cannot be used; the message lists every problem with its line and JSON path, for the operator.</summary>
public sealed class ScheduleConfigException(string file, IReadOnlyList<ConfigProblem> problems)
    : Exception(Describe(file, problems))
{
    public string File { get; } = file;
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;

    private static string Describe(string file, IReadOnlyList<ConfigProblem> problems) =>
        problems.Count == 1
            ? $"{file}: {problems[0]}"
            : $"{file} has {problems.Count} problems:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}"));
}
