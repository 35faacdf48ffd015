using Monitoring.Dashboards.Apis;
using Monitoring.Dashboards.Downloads;
using Monitoring.Dashboards.Operations;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Hosting;

/// <summary>The wiring of the operations page (issue 5) and of the downloads (issue 6): their queries and endpoints.</summary>
public static class OperationsHosting
{
    public static IServiceCollection AddOperationsAndDownloads(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var q = sp.GetRequiredService<DashboardQueries>();
            return new OperationsQueries(q.Connections.Store.Dir.Root, q.Rules, q.Connections.Store.CurrentRunId);
        });
        services.AddSingleton(sp =>
        {
            var q = sp.GetRequiredService<DashboardQueries>();
            return new DownloadQueries(q.Connections.Store.Dir.Root, q.Rules);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOperationsAndDownloads(this IEndpointRouteBuilder app)
        => app.MapOperationsCsv().MapDownloads();
}
