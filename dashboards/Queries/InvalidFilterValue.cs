namespace Monitoring.Dashboards.Queries;

/// <summary>
/// A filter value that is not a value the panel can take (a what-if FTE that is not a positive number, more FTE than an
/// ATS has, the same ATS twice): answered 400 with this message, which names only the parameter, codes and numbers.
/// A value naming something outside the reader's scope is a <see cref="ScopeViolation"/> instead (403).
/// </summary>
public sealed class InvalidFilterValue(string parameter, string message) : Exception($"{parameter}: {message}")
{
    public string Parameter { get; } = parameter;
}
