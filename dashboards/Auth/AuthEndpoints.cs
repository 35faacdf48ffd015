using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Monitoring.Dashboards.Hosting;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>POST /auth/demo (demo mode only), GET /auth/oidc (when configured) and /auth/home, POST /auth/signout.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/demo", async (HttpContext http, [FromForm] string user, [FromForm] string? lang, AuthOptions options, DemoUsers demo, ILoggerFactory logs) =>
        {
            if (!options.DemoEnabled) return Results.NotFound();
            var found = demo.Find(user);
            if (found is null) return Results.BadRequest();
            var claims = ScopeClaims.FromScope(found.Scope, found.Label).Append(new Claim(ActorClaims.UserId, "demo:" + found.Id));
            var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            logs.CreateLogger("Monitoring.Dashboards.Auth").LogInformation("demo sign-in as {Role}", found.Scope.Role);
            return Results.LocalRedirect(HomeOf(found.Scope.Role) + (lang == "en" ? "?lang=en" : ""));
        });

        app.MapGet("/auth/oidc", (AuthOptions options) => options.OidcEnabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/auth/home" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.NotFound());

        // Back from the provider: on to the signed-in role's own page.
        app.MapGet("/auth/home", (HttpContext http) => Results.LocalRedirect(HomeOf(ScopeClaims.ToScope(http.User).Role)));

        // Sign-out is a form (antiforgery-checked): it ends the server-side session (ServerSessions), deletes the cookie
        // and, for a provider's user, ends the session at the provider as well (end_session, back to "/").
        app.MapPost("/auth/signout", (HttpContext http, AuthOptions options) =>
        {
            var fromProvider = options.OidcEnabled && OidcSignIn.CameFromProvider(http.User);
            var schemes = fromProvider
                ? new[] { CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme }
                : [CookieAuthenticationDefaults.AuthenticationScheme];
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, schemes);
        }).RequireAntiforgeryToken();
        return app;
    }

    /// <summary>Where each role lands after signing in.</summary>
    public static string HomeOf(string role) => role switch
    {
        UserRole.Ministry => "/ministry",
        UserRole.PlannerRegion or UserRole.PlannerAts => "/planner",
        UserRole.Coordinator or UserRole.CaseManager => "/casework",
        _ => "/public",
    };
}
