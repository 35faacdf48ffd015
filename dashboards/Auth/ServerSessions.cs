using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Monitoring.Dashboards.Auth;

/// <summary>
/// Ties the auth cookie to <see cref="SessionRegistry"/>: every sign-in (demo or provider) gets a fresh session id
/// claim (ending the session the browser had before), every request with the cookie is checked against the registry (an ended session signs the cookie out), and
/// signing out ends the session server-side, so a copy of the cookie taken earlier is worthless afterwards.
/// </summary>
public static class ServerSessions
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = async ctx =>
        {
            var registry = ctx.HttpContext.RequestServices.GetRequiredService<SessionRegistry>();
            // A new sign-in in the same browser replaces the session it had (no two live copies of one browser's session).
            var previous = await ctx.HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            registry.End(previous.Principal?.FindFirst(SessionRegistry.ClaimType)?.Value);
            var identity = (ClaimsIdentity)ctx.Principal!.Identity!;
            foreach (var old in identity.FindAll(SessionRegistry.ClaimType).ToList()) identity.RemoveClaim(old);
            var role = identity.FindFirst(ScopeClaims.Role)?.Value ?? "";
            identity.AddClaim(new Claim(SessionRegistry.ClaimType, registry.Start(role, OidcSignIn.NotAfter(ctx.Properties))));
        };
        events.OnValidatePrincipal = async ctx =>
        {
            var registry = ctx.HttpContext.RequestServices.GetRequiredService<SessionRegistry>();
            if (registry.Touch(ctx.Principal?.FindFirst(SessionRegistry.ClaimType)?.Value)) return;
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        };
        events.OnSigningOut = ctx =>
        {
            ctx.HttpContext.RequestServices.GetRequiredService<SessionRegistry>()
                .End(ctx.HttpContext.User.FindFirst(SessionRegistry.ClaimType)?.Value);
            return Task.CompletedTask;
        };
    }
}
