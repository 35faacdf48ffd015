using Microsoft.AspNetCore.Mvc;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Apis;

/// <summary>
/// POST /api/episodes/status — the ministry's follow-up form of one flag episode (antiforgery-checked): status, notes,
/// and the reason closed_no_action needs. Records the signed-in user; back to the page it came from.
/// </summary>
public static class EpisodeEndpoints
{
    public static IEndpointRouteBuilder MapEpisodes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/episodes/status", (HttpContext http, [FromForm] string episode, [FromForm] string status, [FromForm] string? notes,
            [FromForm] string? reason, [FromForm] string? returnUrl, DashboardQueries queries, ILoggerFactory logs) =>
        {
            var scope = ScopeClaims.ToScope(http.User);
            try
            {
                queries.Episodes.SetStatus(scope, ActorClaims.From(http.User, scope), episode, status, notes, reason);
            }
            catch (ScopeViolation e)
            {
                ScopeLog.Refused(logs, e, http.Request.Path);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            catch (ArgumentException e)
            {
                return Results.BadRequest(e.Message.Split(" (Parameter")[0]);
            }
            var back = returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/ministry/episodes";
            return Results.LocalRedirect(back);
        });
        return app;
    }
}
