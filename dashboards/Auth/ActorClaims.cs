using System.Security.Claims;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.FollowUp;

namespace Monitoring.Dashboards.Auth;

/// <summary>
/// Who the signed-in user is, for the follow-up register's "changed by": the user id claim (the OIDC subject, or the
/// demo user's id) and the display name, with the role of their scope. A principal without an id claim is recorded by
/// its name, never by its role alone.
/// </summary>
public static class ActorClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;

    public static Actor From(ClaimsPrincipal user, UserScope scope)
    {
        var name = user.FindFirst(ClaimTypes.Name)?.Value ?? user.Identity?.Name;
        var id = user.FindFirst(UserId)?.Value ?? user.FindFirst("sub")?.Value ?? name;
        if (string.IsNullOrWhiteSpace(id)) throw new ScopeViolation(scope.Role, "a change without a user id");
        return new Actor(id, name ?? id, scope.Role);
    }
}
