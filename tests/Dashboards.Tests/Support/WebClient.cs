using System.Net;
using System.Text.RegularExpressions;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// A plain HTTP client against the running app, as a script or an attacker would use it: its own cookie jar, no
/// redirects followed, and the antiforgery token read from a page's form.
/// </summary>
public sealed partial class WebClient(string baseUrl) : IDisposable
{
    public CookieContainer Cookies { get; } = new();
    private HttpClient? _http;
    public HttpClient Http => _http ??= new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The antiforgery token of the first form on the page (its cookie lands in the jar).</summary>
    public async Task<string> TokenFromAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        var m = TokenField().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no antiforgery token on {path}");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Key, string Value)[] fields)
        => Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    /// <summary>Signs in as a demo user through the real form; returns the auth cookie as a Cookie header.</summary>
    public async Task<string> DemoSignInAsync(string user)
    {
        var token = await TokenFromAsync("/signin");
        var r = await PostFormAsync("/auth/demo", ("user", user), ("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return AuthCookie() ?? throw new InvalidOperationException("no auth cookie after sign-in");
    }

    /// <summary>The auth cookie (all its chunks, when large) as a Cookie header; null when there is none.</summary>
    public string? AuthCookie()
    {
        var parts = Cookies.GetCookies(Http.BaseAddress!).Where(c => c.Name.StartsWith("adi.auth")).Select(c => $"{c.Name}={c.Value}").ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>A request carrying exactly the given auth cookie header (a captured copy, replayed).</summary>
    public static async Task<HttpResponseMessage> WithCookieAsync(string baseUrl, string path, string authCookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", authCookie);
        return await http.SendAsync(request);
    }

    public void Dispose() => _http?.Dispose();
}
