namespace Monitoring.Dashboards.Hosting;

/// <summary>The language lives in the URL (?lang=en); when the URL names one it is also remembered in a cookie.</summary>
public static class LanguageCookie
{
    public const string Name = "adi.lang";

    public static IApplicationBuilder UseLanguageCookie(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var lang = http.Request.Query["lang"].FirstOrDefault();
        if (lang is "it" or "en")
            http.Response.Cookies.Append(Name, lang, new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
        await next();
    });

    public static string Resolve(HttpContext? http)
    {
        var lang = http?.Request.Query["lang"].FirstOrDefault() ?? http?.Request.Cookies[Name];
        return lang == "en" ? "en" : "it";
    }
}
