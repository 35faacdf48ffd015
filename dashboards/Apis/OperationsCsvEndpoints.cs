using System.Text;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Downloads;
using Monitoring.Dashboards.Operations;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Apis;

/// <summary>
/// CSV of the operations and research-extract tables at the same address as every other panel,
/// /api/panels/{panel}.csv?lang=&amp;run= — literal routes, which ASP.NET Core prefers to the general {panel}.csv
/// pattern, so these panels need no entry in the warehouse-backed panel table. Ministry only (403 otherwise).
/// </summary>
public static class OperationsCsvEndpoints
{
    public static IEndpointRouteBuilder MapOperationsCsv(this IEndpointRouteBuilder app)
    {
        foreach (var panel in OperationsQueries.Panels.Keys)
            app.MapGet($"/api/panels/{panel}.csv", (HttpContext http, OperationsQueries ops, ILoggerFactory logs)
                => Csv(http, logs, panel, (scope, lang) => ops.Panel(panel, scope, lang, http.Request.Query["run"].FirstOrDefault())));
        app.MapGet("/api/panels/research-extracts.csv", (HttpContext http, DownloadQueries downloads, ILoggerFactory logs)
            => Csv(http, logs, "research-extracts", downloads.ExtractFiles));
        return app;
    }

    private static IResult Csv(HttpContext http, ILoggerFactory logs, string panel, Func<UserScope, string, Grid> query)
    {
        var scope = ScopeClaims.ToScope(http.User);
        var lang = PanelFilter.From(k => http.Request.Query[k].FirstOrDefault()).Lang;
        try
        {
            var grid = query(scope, lang);
            return Results.File(Encoding.UTF8.GetBytes(CsvFormat.Write(grid)), "text/csv; charset=utf-8", $"{panel}.csv");
        }
        catch (ScopeViolation e)
        {
            ScopeLog.Refused(logs, e, http.Request.Path);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
    }
}
