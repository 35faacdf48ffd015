using Monitoring.Dashboards.Alerts;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Hosting;

/// <summary>The wiring of the alerts inbox (issue 15): its feed, the per-user stores (the forms are <c>Apis/AlertEndpoints</c>).</summary>
public static class AlertsHosting
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AlertFeed(sp.GetRequiredService<DashboardQueries>().Access));
        services.AddSingleton(sp => new AlertInbox(sp.GetRequiredService<AlertFeed>(),
            sp.GetRequiredService<DashboardQueries>().Connections.Store.Dir));
        return services;
    }
}
