using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy the app sees plain HTTP; the proxy's X-Forwarded-Proto and X-Forwarded-For
/// say what the visitor used, so cookies become Secure and redirects stay on https. Those headers are believed only
/// from the proxies named in configuration (section "ForwardedHeaders": KnownProxies = addresses, KnownNetworks =
/// CIDR ranges). With none configured the headers are ignored altogether — not even loopback is trusted by default,
/// so a visitor cannot claim https or another address. X-Forwarded-Host is never read: the host is checked by
/// AllowedHosts, and a proxy must pass the visitor's Host header through.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    public static ForwardedHeadersOptions? Options(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return null;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1,
        };
        // The framework trusts loopback by default; only what is configured counts here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var p in proxies)
            options.KnownProxies.Add(IPAddress.TryParse(p, out var ip) ? ip
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address"));
        foreach (var n in networks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var net) ? net
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a CIDR range such as 10.0.0.0/8"));
        return options;
    }

    /// <summary>First in the pipeline, so everything after it (cookies, redirects, HSTS) sees the visitor's scheme.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app, IConfiguration configuration)
        => Options(configuration) is { } options ? app.UseForwardedHeaders(options) : app;
}
