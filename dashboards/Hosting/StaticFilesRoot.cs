using Microsoft.AspNetCore.StaticAssets;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// Where the app finds its own files (wwwroot, the static assets manifest, appsettings) and what happens when one
/// is missing. The content root defaults to the folder of the dll, not the working directory: `./demo.sh` used to
/// start the published dll from the repository root, whose missing wwwroot made every stylesheet and script an
/// empty 200 (issue 11).
/// </summary>
public static class StaticFilesRoot
{
    /// <summary>Builder options whose content root is the app's own folder, unless --contentRoot or
    /// ASPNETCORE_CONTENTROOT / DOTNET_CONTENTROOT names another.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
                    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
                    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = given ? null : AppContext.BaseDirectory };
    }

    /// <summary>
    /// A static asset the manifest names but the web root does not hold answers 404 (MapStaticAssets would send an
    /// empty 200, which a browser takes as an empty stylesheet); the first one is logged with the web root, so a
    /// wrong deployment is visible at once.
    /// </summary>
    public static WebApplication UseMissingAssetsAs404(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        var log = app.Logger;
        var logged = 0;
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is { } asset
                && !files.GetFileInfo(asset.AssetPath).Exists)
            {
                if (Interlocked.Exchange(ref logged, 1) == 0)
                    log.LogError("static asset {Asset} is missing from the web root {WebRoot}: answering 404", asset.AssetPath, app.Environment.WebRootPath);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });
        return app;
    }
}
