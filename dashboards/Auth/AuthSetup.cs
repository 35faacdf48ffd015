using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>Cookie sign-in, plus OpenID Connect when configured (its claims mapped onto role and scope).</summary>
public static class AuthSetup
{
    public static IServiceCollection AddDashboardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        var sessions = configuration.GetSection("Auth:Session").Get<SessionOptions>() ?? new SessionOptions();
        services.AddSingleton(options);
        services.AddSingleton(sessions);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionRegistry>();
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = options.OidcEnabled ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.LogoutPath = "/auth/signout";
                o.Cookie.Name = "adi.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the visitor's request is HTTPS (also behind a TLS proxy: Hosting/ProxyHeaders).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The cookie slides with use; the server-side session (ServerSessions) decides whether it is still live.
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = sessions.IdleTimeout;
                // API calls get status codes, not redirects to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
                ServerSessions.Attach(o.Events);
            });
        if (options.OidcEnabled) auth.AddDashboardOidc(options.Oidc);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// Operator keys are UUIDs; a provider may send them with or without dashes. Anything else is no key
    /// (the case manager then sees nothing rather than a server error).
    /// </summary>
    static string? OperatorKey(string? claim) => Guid.TryParse(claim, out var g) ? g.ToString() : null;

    /// <summary>Keeps only what the dashboards need from the provider's token: a name, the role and the scope codes.</summary>
    public static ClaimsPrincipal MapClaims(ClaimsPrincipal external, OidcOptions oidc)
    {
        var scope = new UserScope(
            external.FindFirst(oidc.RoleClaim)?.Value ?? UserRole.Public,
            external.FindFirst(oidc.RegionClaim)?.Value,
            external.FindFirst(oidc.AtsClaim)?.Value,
            OperatorKey(external.FindFirst(oidc.OperatorClaim)?.Value)).Normalized();
        var name = external.FindFirst("preferred_username")?.Value ?? external.FindFirst("sub")?.Value ?? scope.Role;
        var claims = ScopeClaims.FromScope(scope, name);
        // The provider's subject identifies the user in the follow-up register's history.
        if (external.FindFirst("sub")?.Value is { } subject) claims = claims.Append(new Claim(ActorClaims.UserId, subject));
        // The provider's e-mail address only pre-fills the alerts digest form (Components/Pages/Alerts.razor); it is not logged.
        if (external.FindFirst("email")?.Value is { Length: > 0 } email) claims = claims.Append(new Claim(ClaimTypes.Email, email));
        var identity = new ClaimsIdentity(claims, OpenIdConnectDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
