using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>POST /auth/demo (demo mode only), GET /auth/oidc (when configured), POST /auth/signout.</summary>
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
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.NotFound());

        app.MapPost("/auth/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });
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
