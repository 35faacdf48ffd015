using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>
/// Demo users, one per role, with real codes from the snapshot in service: Campania (15) when present, else the
/// first region; the first ATS of that region; that ATS's first case manager. Recomputed when the snapshot changes.
/// </summary>
public sealed class DemoUsers(DashboardQueries queries)
{
    public const string PreferredRegion = "15";
    private (string RunId, IReadOnlyList<DemoUser> Users)? _cache;

    public IReadOnlyList<DemoUser> List()
    {
        var runId = queries.Connections.Store.CurrentRunId();
        if (runId is null) return [new DemoUser("ministry", "Ministero / Ministry", UserScope.Ministry)];
        if (_cache is { } c && c.RunId == runId) return c.Users;
        var regions = queries.Meta.Regions();
        var region = regions.FirstOrDefault(r => r.Code == PreferredRegion && queries.Meta.Ats(r.Code).Count > 0)
                     ?? regions.FirstOrDefault(r => queries.Meta.Ats(r.Code).Count > 0);
        var users = new List<DemoUser> { new("ministry", "Ministero / Ministry", UserScope.Ministry) };
        if (region is not null)
        {
            var ats = queries.Meta.Ats(region.Code)[0];
            users.Add(new("planner_region", $"Regione {region.Name} ({region.Code})", new UserScope(UserRole.PlannerRegion, region.Code)));
            users.Add(new("planner_ats", $"ATS {ats.Code} {ats.Name}", new UserScope(UserRole.PlannerAts, region.Code, ats.Code)));
            users.Add(new("coordinator", $"Coordinatore / Coordinator {ats.Code}", new UserScope(UserRole.Coordinator, region.Code, ats.Code)));
            var cm = queries.Meta.FirstCaseManager(ats.Code);
            if (cm is not null)
                users.Add(new("case_manager", $"Case manager {CaseManagerLabel.Of(cm)} ({ats.Code})", new UserScope(UserRole.CaseManager, region.Code, ats.Code, cm)));
        }
        _cache = (runId, users);
        return users;
    }

    public DemoUser? Find(string id) => List().FirstOrDefault(u => u.Id == id);
}
