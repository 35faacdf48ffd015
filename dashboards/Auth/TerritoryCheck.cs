using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>
/// Whether a signed-in scope names territories that exist in the snapshot in service and belong together: the
/// planner's region, the ATS (and, when the token also names a region, that it is the ATS's region), the case
/// manager's operator key in that ATS. A provider's token that fails is refused at sign-in rather than let in with a
/// scope that matches nothing. With no snapshot in service there is nothing to check against (and nothing to see).
/// </summary>
public static class TerritoryCheck
{
    /// <summary>Null when the scope is valid, else why not (codes only, safe to log).</summary>
    public static string? Problem(UserScope scope, MetaQueries meta)
    {
        if (scope.IsPublic) return "no dashboard role, or a role without the territory it needs";
        try
        {
            switch (scope.Role)
            {
                case UserRole.PlannerRegion:
                    return meta.Regions().Any(r => r.Code == scope.RegionCode) ? null : $"unknown region {scope.RegionCode}";
                case UserRole.PlannerAts or UserRole.Coordinator or UserRole.CaseManager:
                    var region = meta.RegionOfAts(scope.AtsCode!);
                    if (region is null) return $"unknown ATS {scope.AtsCode}";
                    if (scope.RegionCode is not null && scope.RegionCode != region) return $"ATS {scope.AtsCode} is not in region {scope.RegionCode}";
                    if (scope.Role == UserRole.CaseManager && meta.AtsOfOperator(scope.OperatorKey!) != scope.AtsCode)
                        return $"operator is not a case manager of ATS {scope.AtsCode}";
                    return null;
                default:
                    return null;
            }
        }
        catch (NoSnapshotException)
        {
            return null;
        }
    }
}
