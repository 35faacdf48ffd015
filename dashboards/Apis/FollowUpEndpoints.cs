using Microsoft.AspNetCore.Mvc;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Hosting;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Apis;

/// <summary>POST /api/followup — the ministry's red-flag follow-up form (antiforgery-checked); back to the page it came from.</summary>
public static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/followup", (HttpContext http, [FromForm] string indicator, [FromForm] string ats, [FromForm] string month,
            [FromForm] string status, [FromForm] string? notes, [FromForm] string? returnUrl, DashboardQueries queries, ILoggerFactory logs) =>
        {
            var scope = ScopeClaims.ToScope(http.User);
            try
            {
                queries.Ministry.SetFollowUp(scope, ActorClaims.From(http.User, scope), indicator, ats, month, status, notes);
            }
            catch (ScopeViolation e)
            {
                ScopeLog.Refused(logs, e, http.Request.Path);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            catch (ArgumentException)
            {
                return Results.BadRequest();
            }
            return Results.LocalRedirect(LocalUrl.OrElse(returnUrl, "/ministry"));
        });
        return app;
    }
}
