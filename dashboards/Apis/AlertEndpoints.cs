using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Monitoring.Dashboards.Alerts;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Hosting;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Apis;

/// <summary>
/// The inbox's forms (antiforgery-checked, signed-in users only; the user is the session's, never a field):
/// POST /api/alerts/read (ids, or all=1) and POST /api/alerts/subscription (email, lang, remove=1).
/// The e-mail address is stored for the digest and never logged.
/// </summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/read", async (HttpContext http, AlertInbox inbox, ILoggerFactory logs) =>
        {
            var form = await http.Request.ReadFormAsync(); // "id" may repeat: read the form itself
            return Signed(http, logs, (scope, userId) =>
            {
                inbox.MarkRead(scope, userId, form["id"].OfType<string>().ToList(), form["all"] == "1");
                return Results.LocalRedirect(Back(http));
            });
        }).RequireAntiforgeryToken(); // binds no form parameter, so the framework would not check the token itself

        app.MapPost("/api/alerts/subscription", (HttpContext http, [FromForm] string? email, [FromForm] string? lang,
            [FromForm] string? remove, AlertInbox inbox, ILoggerFactory logs) => Signed(http, logs, (scope, userId) =>
        {
            if (remove == "1")
            {
                inbox.Subscriptions.Remove(userId);
                return Results.LocalRedirect(Back(http, "removed"));
            }
            if (!IsAddress(email)) return Results.LocalRedirect(Back(http, "invalid"));
            inbox.Subscribe(scope, userId, email!, lang ?? "it");
            return Results.LocalRedirect(Back(http, "saved"));
        }));
        return app;
    }

    /// <summary>One plain address (no display name, no list), as an SMTP server will take it.</summary>
    internal static bool IsAddress(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254) return false;
        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && parsed.DisplayName.Length == 0;
    }

    private static IResult Signed(HttpContext http, ILoggerFactory logs, Func<UserScope, string, IResult> act)
    {
        var scope = ScopeClaims.ToScope(http.User);
        try
        {
            if (scope.IsPublic) throw new ScopeViolation(scope.Role, "alerts");
            return act(scope, ActorClaims.From(http.User, scope).Id);
        }
        catch (ScopeViolation e)
        {
            ScopeLog.Refused(logs, e, http.Request.Path);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    private static string Back(HttpContext http, string? subscription = null)
    {
        var lang = http.Request.Form["lang_page"].FirstOrDefault() == "en" ? "en" : null;
        var query = new List<string>();
        if (lang is not null) query.Add("lang=en");
        if (subscription is not null) query.Add("subscription=" + subscription);
        return "/alerts" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
