using System.Security.Claims;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>The claims that carry a user's scope, and the UserScope they make. No claim, no access beyond public.</summary>
public static class ScopeClaims
{
    public const string Role = ClaimTypes.Role;
    public const string Region = "region_code";
    public const string Ats = "ats_code";
    public const string Operator = "operator_key";

    public static UserScope ToScope(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return UserScope.Public;
        var role = user.FindFirst(Role)?.Value;
        if (role is null || !UserRole.All.Contains(role)) return UserScope.Public;
        return new UserScope(role, user.FindFirst(Region)?.Value, user.FindFirst(Ats)?.Value, user.FindFirst(Operator)?.Value).Normalized();
    }

    public static IEnumerable<Claim> FromScope(UserScope scope, string displayName)
    {
        yield return new Claim(ClaimTypes.Name, displayName);
        yield return new Claim(Role, scope.Role);
        if (scope.RegionCode is not null) yield return new Claim(Region, scope.RegionCode);
        if (scope.AtsCode is not null) yield return new Claim(Ats, scope.AtsCode);
        if (scope.OperatorKey is not null) yield return new Claim(Operator, scope.OperatorKey);
    }
}
