namespace Monitoring.Dashboards.Auth;

/// <summary>An OpenID Connect provider (section "Auth:Oidc") and the names of its claims that carry role and scope.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string RoleClaim { get; set; } = "role";
    public string RegionClaim { get; set; } = "region_code";
    public string AtsClaim { get; set; } = "ats_code";
    public string OperatorClaim { get; set; } = "operator_key";
}
