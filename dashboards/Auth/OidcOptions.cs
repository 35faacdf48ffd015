namespace Monitoring.Dashboards.Auth;

/// <summary>An OpenID Connect provider (section "Auth:Oidc") and the names of its claims that carry role and scope.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Space-separated scopes asked for; the provider must release the claims below under them.</summary>
    public string Scope { get; set; } = "openid profile";
    public string RoleClaim { get; set; } = "role";
    public string RegionClaim { get; set; } = "region_code";
    public string AtsClaim { get; set; } = "ats_code";
    public string OperatorClaim { get; set; } = "operator_key";
    /// <summary>
    /// False only for a provider on plain HTTP on this machine (the tests' local provider): metadata over HTTP is then
    /// accepted and the correlation cookies are not forced Secure. Never set it false in production.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
