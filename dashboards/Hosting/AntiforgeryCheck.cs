using Microsoft.AspNetCore.Antiforgery;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// Minimal-API endpoints validate the antiforgery token by themselves only when they bind a form; a POST that binds
/// nothing (sign-out) would accept any cross-site request. This filter checks the token first and answers 400 (the
/// status page explains) when it is missing or wrong.
/// </summary>
public static class AntiforgeryCheck
{
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (ctx, next) =>
        {
            var antiforgery = ctx.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(ctx.HttpContext) ? await next(ctx) : Results.BadRequest();
        });
}
