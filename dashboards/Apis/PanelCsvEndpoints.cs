using System.Text;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Apis;

/// <summary>
/// GET /api/panels/{panel}.csv?month=&amp;region=&amp;ats=&amp;indicator=&amp;growth=&amp;lang= — the CSV of exactly the table a page
/// shows, through the same scoped query layer: out of scope is 403 (and logged), no snapshot is 503.
/// </summary>
public static class PanelCsvEndpoints
{
    /// <summary>
    /// The first line of every panel CSV: the screen writes numbers in the reader's language (13.961 · 42,0 %), the file
    /// does not, and says so (a comment line, as Frictionless' commentChar "#" and pandas' comment="#" read it).
    /// </summary>
    public const string MachineFormatNote =
        "# machine format: decimal point \".\", no thousands separator, shares as percent with \".\" (42.0%), months YYYY-MM, dates ISO 8601 (YYYY-MM-DD); header = column keys\n";

    public static IEndpointRouteBuilder MapPanelCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/panels/{panel}.csv", (string panel, HttpContext http, DashboardQueries queries, ILoggerFactory logs) =>
        {
            var scope = ScopeClaims.ToScope(http.User);
            var filter = PanelFilter.From(k => http.Request.Query[k].FirstOrDefault());
            try
            {
                var grid = queries.Panel(panel, scope, filter);
                var runId = queries.Connections.Store.CurrentRunId();
                http.Response.Headers.Append("X-Run-Id", runId);
                return Results.File(Encoding.UTF8.GetBytes(MachineFormatNote + CsvFormat.Write(grid)), "text/csv; charset=utf-8", $"{grid.Panel}-{runId}.csv");
            }
            catch (ScopeViolation e)
            {
                ScopeLog.Refused(logs, e, http.Request.Path);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            catch (InvalidFilterValue e)
            {
                return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            catch (NoSnapshotException)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
