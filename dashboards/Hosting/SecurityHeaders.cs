using Monitoring.Dashboards.Auth;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// The response headers every answer carries (pages, CSVs, static files, error pages): a Content-Security-Policy that
/// allows only this site's own scripts (blazor.web.js, charts.js, the copied apexcharts.min.js — no inline script, so
/// App.razor renders no import map), no framing by anyone (frame-ancestors 'none' and X-Frame-Options DENY: the
/// Ministry's follow-up forms must not be clickjacked), nosniff, a Referrer-Policy that sends no URL (filters in the
/// query string name territories) to another origin, and HSTS on HTTPS outside Development.
/// Set in Response.OnStarting so that error pages and cached public pages carry them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// style-src keeps 'unsafe-inline': ApexCharts writes style attributes and a style element into the SVG it draws.
    /// Styles cannot run code; scripts stay limited to 'self'. form-action also names the OpenID Connect provider,
    /// because sign-out is a form whose answer redirects there (Chromium applies form-action to redirects).
    /// </summary>
    public static string ContentSecurityPolicy(AuthOptions auth)
    {
        var formAction = "'self'";
        if (auth.OidcEnabled && Uri.TryCreate(auth.Oidc.Authority, UriKind.Absolute, out var authority))
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {formAction}",
            "frame-ancestors 'none'");
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, AuthOptions auth, bool hsts)
    {
        var csp = ContentSecurityPolicy(auth);
        return app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                h.ContentSecurityPolicy = csp;
                h.XFrameOptions = "DENY";
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "same-origin";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (hsts && http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
