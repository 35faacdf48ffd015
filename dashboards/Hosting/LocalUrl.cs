namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// Whether a return address stays on this site, with the rules of ASP.NET Core's own IsLocalUrl (which
/// Results.LocalRedirect enforces by throwing): a path starting with one "/" that is not followed by "/" or "\"
/// (browsers read "/\evil.example" as "//evil.example"), or "~/"; no control characters anywhere.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl)) return false;
        if (url[0] == '/') return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    /// <summary>The address when local, else the fallback.</summary>
    public static string OrElse(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
