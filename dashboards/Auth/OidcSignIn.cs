using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorization code + PKCE). The role and territory claims are read from
/// the id_token and the userinfo endpoint together (a conforming provider releases scope claims only at userinfo),
/// checked against the snapshot in service (<see cref="TerritoryCheck"/>), and the sign-in is refused — not let in as
/// public — when they are missing or invalid. Only the id_token is kept (inside the encrypted cookie) so that sign-out
/// can end the session at the provider too (end_session with id_token_hint); its expiry also ends our session.
/// </summary>
public static class OidcSignIn
{
    /// <summary>Authentication property carrying the id_token's expiry to the server-side session.</summary>
    public const string NotAfterItem = "adi.not_after";

    public static AuthenticationBuilder AddDashboardOidc(this AuthenticationBuilder auth, OidcOptions oidc) => auth.AddOpenIdConnect(o =>
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = true;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        o.Scope.Clear();
        foreach (var s in oidc.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(s);
        if (!o.Scope.Contains("openid")) o.Scope.Add("openid");
        // Userinfo claims reach the principal only through a claim action.
        foreach (var claim in new[] { oidc.RoleClaim, oidc.RegionClaim, oidc.AtsClaim, oidc.OperatorClaim, "preferred_username", "email" })
            o.ClaimActions.MapUniqueJsonKey(claim, claim);
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        if (!oidc.RequireHttpsMetadata)
        {
            // A provider on plain-HTTP loopback (tests): SameSite=None cookies must be Secure, which HTTP cannot set.
            o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
        }
        o.Events.OnTokenValidated = ctx =>
        {
            // The id_token's expiry bounds our session (its "exp" claim is dropped from the principal by default).
            if (ctx.SecurityToken is { ValidTo: var to } && to > DateTime.UnixEpoch)
                ctx.Properties!.Items[NotAfterItem] = new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString();
            return Task.CompletedTask;
        };
        o.Events.OnTicketReceived = ctx =>
        {
            var scope = ScopeClaims.ToScope(AuthSetup.MapClaims(ctx.Principal!, oidc));
            var meta = ctx.HttpContext.RequestServices.GetRequiredService<DashboardQueries>().Meta;
            if (TerritoryCheck.Problem(scope, meta) is { } problem)
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Dashboards.Auth")
                    .LogWarning("OIDC sign-in refused: {Problem}", problem);
                // Handled here: no sign-in happens (ctx.Fail would be ignored at this stage and the ticket signed in).
                ctx.Response.Redirect("/signin?error=refused");
                ctx.HandleResponse();
                return Task.CompletedTask;
            }
            ctx.Properties!.StoreTokens(ctx.Properties!.GetTokens().Where(t => t.Name == "id_token").ToList());
            ctx.Principal = AuthSetup.MapClaims(ctx.Principal!, oidc);
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = ctx =>
        {
            // The provider answered with an error, or the answer did not validate: back to the sign-in page, not a 500.
            ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Dashboards.Auth")
                .LogWarning("OIDC sign-in failed: {Error}", ctx.Failure?.Message);
            ctx.Response.Redirect("/signin?error=failed");
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
    });

    /// <summary>The id_token's expiry, when the sign-in came from the provider.</summary>
    public static DateTimeOffset? NotAfter(AuthenticationProperties properties)
        => properties.Items.TryGetValue(NotAfterItem, out var v) && long.TryParse(v, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;

    /// <summary>True for a principal signed in through the provider (its identity is named after the OIDC scheme).</summary>
    public static bool CameFromProvider(ClaimsPrincipal user) => user.Identity?.AuthenticationType == OpenIdConnectDefaults.AuthenticationScheme;
}
