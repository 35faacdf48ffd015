namespace Monitoring.Access.Scope;

/// <summary>
/// A request outside the caller's scope. Hosts turn it into HTTP 403. The message names role and codes
/// (territory codes, panel names) only — never a person.
/// </summary>
public sealed class ScopeViolation(string role, string what) : Exception($"role '{role}' may not read {what}")
{
    public string Role { get; } = role;
    public string What { get; } = what;
}
