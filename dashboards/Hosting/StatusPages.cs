using Microsoft.AspNetCore.Diagnostics;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// An error status with no body (a refused antiforgery token, a 403 from a CSV endpoint, an unknown path) is answered
/// with a readable page: the request is re-executed at /status/{code}, which Components/Pages/StatusPage.razor renders.
/// The framework re-executes with the original method; a POST re-executed into a Razor component endpoint is taken
/// for a form post and throws (an empty 500), so the re-executed request is turned into a GET first.
/// </summary>
public static class StatusPages
{
    public const string PathFormat = "/status/{0}";

    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute(PathFormat, createScopeForStatusCodePages: true);
        return app.Use(async (http, next) =>
        {
            var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
            if (reExecuted && !HttpMethods.IsGet(http.Request.Method))
            {
                // Kestrel still sends no body to a HEAD request.
                http.Request.Method = HttpMethods.Get;
                http.Request.ContentType = null;
                http.Request.ContentLength = 0;
                http.Request.Body = Stream.Null;
            }
            await next();
        });
    }
}
