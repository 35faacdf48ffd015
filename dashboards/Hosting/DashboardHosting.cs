using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Monitoring.Dashboards.Apis;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Components;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir;

namespace Monitoring.Dashboards.Hosting;

/// <summary>The wiring Program.cs composes: services, middleware, endpoints.</summary>
public static class DashboardHosting
{
    /// <summary>DATA_DIR from --data, then Dashboards:DataDir, then as every host finds it (<see cref="DataDirectory.Locate"/>).</summary>
    public static string DataDir(IConfiguration configuration)
        => DataDirectory.Locate(configuration["data"] ?? configuration["Dashboards:DataDir"]);

    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        // An unpublished build outside Development cannot find _framework/blazor.web.js without the static web
        // assets manifest; loading it is harmless in publish output (there is no manifest there).
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);

        var dataDir = DataDir(builder.Configuration);
        builder.Services.AddSingleton(_ => new DashboardQueries(dataDir));
        builder.Services.AddHostedService<SnapshotWarmup>();
        builder.Services.AddSingleton<DemoUsers>();
        builder.Services.AddSingleton<Monitoring.Dashboards.Team.TeamRecognition>();
        builder.Services.AddDashboardAuth(builder.Configuration);
        // Every page is server-rendered HTML (charts are drawn by a static script): no per-visitor circuit.
        builder.Services.AddRazorComponents();
        builder.Services.AddPublicPageCache();
        // X-Frame-Options comes from SecurityHeaders (DENY) on every response, not only on those with a form; the token
        // cookie is Secure whenever the visitor's request is HTTPS (the framework's default never marks it Secure).
        builder.Services.AddAntiforgery(o =>
        {
            o.SuppressXFrameOptionsHeader = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddOperationsAndDownloads();
        builder.Services.AddAlerts();
        return builder;
    }

    public static WebApplication MapDashboards(this WebApplication app)
    {
        app.UseProxyHeaders(app.Configuration);
        app.UseSecurityHeaders(app.Services.GetRequiredService<AuthOptions>(), hsts: !app.Environment.IsDevelopment());
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusPages();
        app.UseMissingAssetsAs404();
        app.UseLanguageCookie();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAuthEndpoints();
        app.MapPanelCsv();
        app.MapFollowUp();
        app.MapEpisodes();
        app.MapOperationsAndDownloads();
        app.MapAlerts();
        app.MapRazorComponents<App>();
        return app;
    }
}
