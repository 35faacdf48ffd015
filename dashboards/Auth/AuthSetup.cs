using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>Cookie sign-in, plus OpenID Connect when configured (its claims mapped onto role and scope).</summary>
public static class AuthSetup
{
    public static IServiceCollection AddDashboardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = options.OidcEnabled ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.Cookie.Name = "adi.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // API calls get status codes, not redirects to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
            });
        if (options.OidcEnabled)
        {
            var oidc = options.Oidc;
            auth.AddOpenIdConnect(o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.Scope.Add("profile");
                o.Events.OnTokenValidated = ctx =>
                {
                    ctx.Principal = MapClaims(ctx.Principal!, oidc);
                    return Task.CompletedTask;
                };
            });
        }
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
