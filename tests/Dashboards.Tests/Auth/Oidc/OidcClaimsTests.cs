using System.Security.Claims;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Tests.Dashboards.Auth.Oidc;

/// <summary>An OpenID Connect provider's claims become a scope; anything incomplete falls back to public.</summary>
public sealed class OidcClaimsTests
{
    private static readonly OidcOptions Options = new() { RoleClaim = "adi_role", RegionClaim = "adi_region", AtsClaim = "adi_ats", OperatorClaim = "adi_operator" };

    private static UserScope Map(params (string Type, string Value)[] claims)
    {
        var external = new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));
        return ScopeClaims.ToScope(AuthSetup.MapClaims(external, Options));
    }

    [Fact]
    public void Provider_claims_map_to_role_and_territory()
    {
        Assert.Equal(new UserScope(UserRole.PlannerAts, "15", "ATS-15-001"), Map(("sub", "u1"), ("adi_role", "planner_ats"), ("adi_region", "15"), ("adi_ats", "ATS-15-001")));
        // Operator keys are UUIDs: with or without dashes they map to the dashed form; anything else is no key.
        Assert.Equal(new UserScope(UserRole.CaseManager, null, "ATS-15-001", "0123abcd-89ab-cdef-fedc-ba9876543210"),
            Map(("adi_role", "case_manager"), ("adi_ats", "ATS-15-001"), ("adi_operator", "0123ABCD89abcdeffedcba9876543210")));
        Assert.Null(Map(("adi_role", "case_manager"), ("adi_ats", "ATS-15-001"), ("adi_operator", "ab12cd34")).OperatorKey);
        Assert.Equal(UserScope.Ministry, Map(("adi_role", "ministry")));
    }

    [Fact]
    public void Missing_or_unknown_claims_give_public_access_only()
    {
        Assert.Equal(UserScope.Public, Map(("adi_role", "planner_ats")));                 // no ATS
        Assert.Equal(UserScope.Public, Map(("adi_role", "case_manager"), ("adi_ats", "A"))); // no operator key
        Assert.Equal(UserScope.Public, Map(("adi_role", "superuser")));
        Assert.Equal(UserScope.Public, Map(("sub", "u2")));
    }
}
