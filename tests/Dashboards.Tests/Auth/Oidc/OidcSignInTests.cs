using System.Net;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Auth.Oidc;

/// <summary>
/// Sign-in against a real OpenID Connect provider (oidc-provider, started locally), driven in headless Chromium:
/// each role's claims become exactly its scope, a token without a valid territory is refused, sign-out ends the
/// session here and at the provider, an expired id_token ends the session; behind the configured TLS proxy cookies
/// are Secure.
/// </summary>
[Collection("oidc")]
public sealed class OidcSignInTests(OidcApp app)
{
    private static async Task<int> StatusAsync(IPage page, string path)
        => (await page.APIRequest.GetAsync(path, new() { MaxRedirects = 0 })).Status;

    [Fact]
    public async Task Each_roles_claims_become_exactly_its_scope()
    {
        string A(string panel, string ats) => $"/api/panels/{panel}.csv?ats={ats}";
        var cases = new (string Login, string Home, string Who, string[] Allowed, string[] Refused)[]
        {
            ("ministry", "/ministry", "", ["/api/panels/ministry-flags.csv", "/ministry/operations", A("planner-staffing", app.OtherAts)],
                [A("casework-steps", app.Ats)]),
            ("planner-region", "/planner", app.Region, [$"/planner?region={app.Region}", A("planner-staffing", app.Ats), A("planner-staffing", app.OtherAts)],
                ["/api/panels/ministry-flags.csv", "/ministry", $"/planner?region={app.OtherRegion}", A("casework-steps", app.Ats)]),
            ("planner-ats", "/planner", app.Ats, [$"/planner?ats={app.Ats}", A("planner-staffing", app.Ats)],
                ["/api/panels/ministry-flags.csv", A("planner-staffing", app.OtherAts), A("casework-steps", app.Ats)]),
            ("coordinator", "/casework", app.Ats, [$"/casework?ats={app.Ats}", A("casework-steps", app.Ats), A("casework-workload", app.Ats)],
                ["/api/panels/ministry-flags.csv", A("casework-steps", app.OtherAts), A("planner-staffing", app.OtherAts)]),
            ("case-manager", "/casework", app.Ats, [A("casework-steps", app.Ats)],
                ["/api/panels/ministry-flags.csv", A("casework-steps", app.OtherAts), "/ministry/operations"]),
        };
        foreach (var (login, home, who, allowed, refused) in cases)
        {
            var page = await app.SignInAsync(login);
            Assert.True(new Uri(page.Url).AbsolutePath == home, $"{login} landed on {page.Url}");
            Assert.Equal(200, (await page.GotoAsync(home))!.Status);
            Assert.Contains(who, await page.Locator(".who").InnerTextAsync());
            foreach (var path in allowed) Assert.True(await StatusAsync(page, path) == 200, $"{login} refused {path}");
            foreach (var path in refused) Assert.True(await StatusAsync(page, path) is 403 or 302, $"{login} was given {path}");
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("bad-territory", "unknown ATS ATS-99-999")]
    [InlineData("wrong-region", "is not in region")]
    [InlineData("cm-elsewhere", "operator is not a case manager of ATS")]
    [InlineData("bad-region", "unknown region 99")]
    [InlineData("no-role", "no dashboard role")]
    [InlineData("superuser", "no dashboard role")]
    public async Task A_token_without_a_valid_role_or_territory_is_refused(string login, string logged)
    {
        var page = await app.SignInAsync(login);
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.Contains("error=refused", page.Url);
        Assert.Equal("refused", await page.Locator("[data-signin-error]").GetAttributeAsync("data-signin-error"));
        Assert.Null(await OidcApp.AuthCookieAsync(page));
        Assert.Equal(403, await StatusAsync(page, A("planner-staffing", app.Ats)));
        Assert.Equal(403, await StatusAsync(page, "/api/panels/ministry-flags.csv"));
        Assert.Contains($"OIDC sign-in refused: ", app.AppLog());
        Assert.Contains(logged, app.AppLog());
        await page.Context.CloseAsync();

        static string A(string panel, string ats) => $"/api/panels/{panel}.csv?ats={ats}";
    }

    [Fact]
    public async Task Sign_out_ends_the_session_here_and_at_the_provider()
    {
        var page = await app.SignInAsync("ministry");
        var first = await OidcApp.AuthCookieAsync(page);
        Assert.NotNull(first);
        // Control: while the provider's session lives, signing in again needs no login form (single sign-on).
        await page.GotoAsync("/auth/oidc");
        await app.WaitBackAtAppAsync(page);
        Assert.Equal("/ministry", new Uri(page.Url).AbsolutePath);
        // That new sign-in replaced the browser's earlier session: the earlier cookie is dead already.
        var captured = await OidcApp.AuthCookieAsync(page);
        Assert.NotEqual(first, captured);
        Assert.Equal(HttpStatusCode.Forbidden, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", first!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", captured!)).StatusCode);

        await page.GotoAsync("/ministry");
        await page.ClickAsync("form[action='/auth/signout'] button[type='submit']");
        // The provider asks to confirm its own sign-out (end_session), then sends the browser back to the app.
        await page.WaitForURLAsync(u => u.StartsWith(app.Provider.Url));
        await page.ClickAsync("button[name='logout'][value='yes']");
        await page.WaitForURLAsync(u => u.StartsWith(app.BaseUrl) && !u.Contains("signout-callback"));
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Null(await OidcApp.AuthCookieAsync(page));

        // The cookie taken before sign-out is refused by the app …
        Assert.Equal(HttpStatusCode.Forbidden, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", captured!)).StatusCode);
        // … and the provider's session is over: signing in asks for the login form again.
        await page.GotoAsync("/auth/oidc");
        await page.WaitForURLAsync(u => u.StartsWith(app.Provider.Url));
        await page.Locator("input[name='login']").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_session_ends_when_the_providers_id_token_expires()
    {
        var lasting = await app.SignInAsync("ministry");
        var lastingCookie = (await OidcApp.AuthCookieAsync(lasting))!;
        var shortLived = await app.SignInAsync("short-lived");
        var signedInAt = DateTime.UtcNow;
        var shortCookie = (await OidcApp.AuthCookieAsync(shortLived))!;
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", shortCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", lastingCookie)).StatusCode);

        var wait = signedInAt.AddSeconds(OidcApp.ShortLivedSeconds + 2) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Assert.Equal(HttpStatusCode.Forbidden, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", shortCookie)).StatusCode);
        // A user whose token still lives keeps their session over the same wait.
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", lastingCookie)).StatusCode);
        await shortLived.Context.CloseAsync();
        await lasting.Context.CloseAsync();
    }

    [Fact]
    public async Task Behind_the_configured_TLS_proxy_cookies_are_Secure_and_redirects_stay_on_https()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        async Task<HttpResponseMessage> Get(string path, bool viaTls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (viaTls) request.Headers.Add("X-Forwarded-Proto", "https");
            return await http.SendAsync(request);
        }
        static string Cookie(HttpResponseMessage r, string prefix) => Assert.Single(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith(prefix));

        var tls = await Get("/public?lang=en", viaTls: true);
        Assert.Contains("; secure", Cookie(tls, "adi.lang="), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", Assert.Single(tls.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains("; secure", Cookie(await Get("/signin", viaTls: true), ".AspNetCore.Antiforgery."), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", Cookie(await Get("/signin", viaTls: false), ".AspNetCore.Antiforgery."), StringComparison.OrdinalIgnoreCase);
        var plain = await Get("/public?lang=en", viaTls: false);
        Assert.DoesNotContain("secure", Cookie(plain, "adi.lang="), StringComparison.OrdinalIgnoreCase);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        // The sign-in challenge: the provider is told to come back on https (its development login page shows the
        // authorization request's parameters), and the correlation cookie is Secure.
        foreach (var viaTls in new[] { true, false })
        {
            var challenge = await Get("/auth/oidc", viaTls);
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            var correlation = Cookie(challenge, ".AspNetCore.Correlation.");
            Assert.Equal(viaTls, correlation.Contains("; secure", StringComparison.OrdinalIgnoreCase));
            using var atProvider = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
            var loginPage = WebUtility.HtmlDecode(await atProvider.GetStringAsync(challenge.Headers.Location));
            var scheme = viaTls ? "https" : "http";
            Assert.Contains($"{scheme}://{new Uri(app.BaseUrl).Authority}/signin-oidc", loginPage);
        }
    }
}
