using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Apis;

/// <summary>Every refused request is logged: role, what was asked (codes only) and the path — never a person.</summary>
public static class ScopeLog
{
    public static void Refused(ILoggerFactory logs, ScopeViolation e, string path)
        => logs.CreateLogger("Monitoring.Dashboards.Scope").LogWarning("403 scope violation: role {Role} asked for {What} at {Path}", e.Role, e.What, path);
}
