using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Downloads;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.Releases;

namespace Monitoring.Dashboards.Apis;

/// <summary>
/// Read-only file downloads. GET /opendata/{release}/{file}: the open-data releases, for everyone.
/// GET /research/{extract}/{file}: research extracts, ministry only — any other role (or no sign-in) gets 403 before
/// the extract is even looked up; each served file is logged (role, extract, file). A name that is not a plain file
/// name (a separator, "..", a leading dot) is 400; a plain name the listing does not offer is 404.
/// </summary>
public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/opendata/{release}/{file}", (string release, string file, DownloadQueries downloads) =>
        {
            if (!SafeName.IsValid(release) || !SafeName.IsValid(file)) return Results.BadRequest();
            return downloads.OpenDataFile(release, file) is { } f
                ? Results.File(f.Path, f.MediaType, file)
                : Results.NotFound();
        });

        app.MapGet("/research/{extract}/{file}", (string extract, string file, HttpContext http, DownloadQueries downloads, ILoggerFactory logs) =>
        {
            var scope = ScopeClaims.ToScope(http.User);
            try
            {
                var found = downloads.ResearchFile(scope, extract, file);
                if (found is null) return SafeName.IsValid(extract) && SafeName.IsValid(file) ? Results.NotFound() : Results.BadRequest();
                logs.CreateLogger("Monitoring.Dashboards.Research")
                    .LogInformation("research extract download: role {Role} extract {Extract} file {File}", scope.Role, extract, file);
                return Results.File(found.Value.Path, found.Value.MediaType, file);
            }
            catch (ScopeViolation e)
            {
                ScopeLog.Refused(logs, e, http.Request.Path);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        });
        return app;
    }
}
