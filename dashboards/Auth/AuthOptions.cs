namespace Monitoring.Dashboards.Auth;

/// <summary>
/// Sign-in settings (section "Auth"). Demo mode lists one demo user per role; it is on unless an OpenID Connect
/// authority is configured or Auth:Demo is false. OIDC claim names map the provider's claims onto our scope.
/// </summary>
public sealed class AuthOptions
{
    public bool? Demo { get; set; }
    public OidcOptions Oidc { get; set; } = new();

    public bool OidcEnabled => !string.IsNullOrWhiteSpace(Oidc.Authority) && !string.IsNullOrWhiteSpace(Oidc.ClientId);
    public bool DemoEnabled => Demo ?? !OidcEnabled;
}
