using System.Net;
using Monitoring.DataDir.FollowUp;

namespace Monitoring.Tests.Dashboards.Security;

/// <summary>
/// Issue 12 (web hygiene) on the real app over real HTTP, as an attacker meets it: refused antiforgery tokens, open
/// redirects, sign-out and a replayed cookie, security headers, forged Host and forwarded headers, the 403 page,
/// non-finite numbers in the query string.
/// </summary>
[Collection("app")]
public sealed class WebHygieneTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private WebClient Client() => new(app.BaseUrl);

    private int UnhandledInLog() => app.AppLog().Split('\n').Count(l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));

    private static async Task AssertStatusPageAsync(HttpResponseMessage r, int status, string italianTitle)
    {
        Assert.Equal(status, (int)r.StatusCode);
        Assert.StartsWith("text/html", r.Content.Headers.ContentType?.ToString());
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains($"data-status=\"{status}\"", html);
        Assert.Contains(italianTitle, html);
        if (status != 404) Assert.DoesNotContain("Pagina non trovata", html);
    }

    [Fact]
    public async Task A_missing_or_wrong_antiforgery_token_is_a_400_with_a_readable_page()
    {
        var before = UnhandledInLog();
        using var ministry = Client();
        await ministry.DemoSignInAsync("ministry");
        var form = new[] { ("indicator", "cases_processed"), ("ats", "X"), ("month", "2024-01"), ("status", "contacted"), ("notes", "n") };

        await AssertStatusPageAsync(await ministry.PostFormAsync("/api/followup", form), 400, "Richiesta non valida");
        await AssertStatusPageAsync(await ministry.PostFormAsync("/api/followup", [.. form, ("__RequestVerificationToken", "CfDJ8forged-token")]), 400, "Richiesta non valida");
        // A real token of another visitor (its own cookie pair) does not match this visitor's cookie either.
        using var other = Client();
        var othersToken = await other.TokenFromAsync("/signin");
        await AssertStatusPageAsync(await ministry.PostFormAsync("/api/followup", [.. form, ("__RequestVerificationToken", othersToken)]), 400, "Richiesta non valida");

        using var anonymous = Client();
        await AssertStatusPageAsync(await anonymous.PostFormAsync("/auth/demo", ("user", "ministry")), 400, "Richiesta non valida");
        Assert.Null(anonymous.AuthCookie());
        // In English when the visitor chose English.
        anonymous.Cookies.Add(new Uri(app.BaseUrl), new Cookie("adi.lang", "en"));
        Assert.Contains("Bad request", await (await anonymous.PostFormAsync("/auth/demo", ("user", "ministry"))).Content.ReadAsStringAsync());

        Assert.Equal(before, UnhandledInLog());
    }

    [Fact]
    public async Task Follow_up_return_address_redirects_only_within_the_site()
    {
        using var db = app.Warehouse();
        var flag = Expected.Rows(db, "select indicator_id, ats_code, month from flags where severity in ('alarm','warning') order by month desc, indicator_id, ats_code limit 1")[0];
        var (indicator, ats, month) = ((string)flag["indicator_id"]!, (string)flag["ats_code"]!, (string)flag["month"]!);
        using var ministry = Client();
        await ministry.DemoSignInAsync("ministry");

        var foreign = new[] { "/\\evil.example/", "//evil.example/", "/\\/evil.example", "\\\\evil.example", "https://evil.example/", "http:/evil.example", "/\t/evil.example" };
        var i = 0;
        foreach (var returnUrl in foreign)
        {
            var note = $"return test {i++}";
            var token = await ministry.TokenFromAsync($"/ministry?month={month}");
            var r = await ministry.PostFormAsync("/api/followup", ("indicator", indicator), ("ats", ats), ("month", month), ("status", "contacted"),
                ("notes", note), ("returnUrl", returnUrl), ("__RequestVerificationToken", token));
            Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{returnUrl} answered {(int)r.StatusCode}");
            Assert.Equal("/ministry", r.Headers.Location!.OriginalString);
            Assert.Equal(note, new FollowUpRegister(app.DataDir).ForMonth(indicator, ats, month)!.Notes);
        }
        var local = $"/ministry?month={month}#flags";
        var ok = await ministry.PostFormAsync("/api/followup", ("indicator", indicator), ("ats", ats), ("month", month), ("status", "contacted"),
            ("notes", "back to the list"), ("returnUrl", local), ("__RequestVerificationToken", await ministry.TokenFromAsync("/ministry")));
        Assert.Equal(local, ok.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_needs_the_form_token_and_ends_the_session_for_every_copy_of_the_cookie()
    {
        using var ministry = Client();
        var captured = await ministry.DemoSignInAsync("ministry");
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", captured)).StatusCode);

        // Neither a GET nor a cross-site form without the token signs anyone out.
        Assert.True((int)(await ministry.Http.GetAsync("/auth/signout")).StatusCode is 404 or 405);
        await AssertStatusPageAsync(await ministry.PostFormAsync("/auth/signout"), 400, "Richiesta non valida");
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", captured)).StatusCode);

        var token = await ministry.TokenFromAsync("/ministry");
        var signout = await ministry.PostFormAsync("/auth/signout", ("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.Redirect, signout.StatusCode);
        Assert.Equal("/", signout.Headers.Location!.OriginalString);
        Assert.Null(ministry.AuthCookie());

        // The copy taken before sign-out is refused: the session ended on the server, not only in this browser.
        Assert.Equal(HttpStatusCode.Forbidden, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", captured)).StatusCode);
        var page = await WebClient.WithCookieAsync(app.BaseUrl, "/ministry", captured);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/signin", page.Headers.Location!.ToString());
        // A new sign-in gets a new session; the old copy stays dead.
        var fresh = await Client().DemoSignInAsync("ministry");
        Assert.NotEqual(captured, fresh);
        Assert.Equal(HttpStatusCode.OK, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WebClient.WithCookieAsync(app.BaseUrl, "/api/panels/ministry-flags.csv", captured)).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        using var ministry = Client();
        await ministry.DemoSignInAsync("ministry");
        foreach (var path in new[] { "/", "/public", "/signin", "/ministry", "/api/panels/public-headlines.csv", "/api/panels/ministry-flags.csv",
                     "/favicon.png", "/js/charts.js", "/no-such-page", "/status/403" })
        {
            var r = await ministry.Http.GetAsync(path);
            var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
                Assert.Contains(directive, csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
            Assert.Equal("DENY", Assert.Single(r.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(r.Headers.GetValues("Referrer-Policy")));
            // Plain HTTP: no HSTS (it would be ignored, and must not be sent over http).
            Assert.False(r.Headers.Contains("Strict-Transport-Security"), path);
        }
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_configured_are_ignored()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/public?lang=en");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var r = await http.SendAsync(request);
        var cookie = Assert.Single(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith("adi.lang="));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(r.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_forged_Host_header_is_refused_and_never_chooses_a_redirect_host()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        foreach (var host in new[] { "evil.example", "evil.example:443", "127.0.0.1.evil.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ministry");
            request.Headers.Host = host;
            var r = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Null(r.Headers.Location);
            Assert.DoesNotContain("evil.example", await r.Content.ReadAsStringAsync());
        }
        // The real host still gets the sign-in redirect, on itself.
        var ok = await http.GetAsync("/ministry");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.StartsWith(app.BaseUrl + "/signin", ok.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Out_of_scope_requests_get_a_403_page_and_unknown_paths_the_404_page()
    {
        using var planner = Client();
        await planner.DemoSignInAsync("planner_ats");
        await AssertStatusPageAsync(await planner.Http.GetAsync("/api/panels/ministry-flags.csv"), 403, "Accesso negato");
        await AssertStatusPageAsync(await planner.Http.GetAsync("/research/x/y.parquet"), 403, "Accesso negato");
        await AssertStatusPageAsync(await planner.Http.GetAsync("/no-such-page"), 404, "Pagina non trovata");
        planner.Cookies.Add(new Uri(app.BaseUrl), new Cookie("adi.lang", "en"));
        var en = await (await planner.Http.GetAsync("/api/panels/ministry-flags.csv")).Content.ReadAsStringAsync();
        Assert.Contains("Access denied", en);
        Assert.DoesNotContain("Page not found", en);
    }

    [Fact]
    public async Task Growth_that_is_not_a_finite_number_is_never_printed()
    {
        using var planner = Client();
        await planner.DemoSignInAsync("planner_ats");
        async Task<string> Csv(string growth) => await planner.Http.GetStringAsync($"/api/panels/planner-staffing.csv?growth={Uri.EscapeDataString(growth)}");
        var none = await Csv("0");
        var most = await Csv("500");
        var least = await Csv("-90");
        Assert.NotEqual(none, most);
        // Not a number, or beyond any double: no change. Finite but huge: the form's range, -90 … 500.
        foreach (var (growth, expectedCsv, expectedInput) in new[]
                 {
                     ("NaN", none, "0"), ("nan", none, "0"), ("Infinity", none, "0"), ("-Infinity", none, "0"), ("1e999", none, "0"),
                     ("1e308", most, "500"), ("-1e308", least, "-90"), ("100000", most, "500"),
                 })
        {
            var html = await planner.Http.GetStringAsync($"/planner?growth={Uri.EscapeDataString(growth)}");
            // What the reader sees (links may echo the query string the visitor typed; that is not printed data).
            var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
            Assert.DoesNotContain("NaN", text);
            Assert.DoesNotContain("Infinity", text);
            Assert.DoesNotContain("∞", text);
            Assert.Contains($"name=\"growth\" type=\"number\" step=\"1\" min=\"-90\" max=\"500\" value=\"{expectedInput}\"", html);
            var csv = await Csv(growth);
            Assert.DoesNotContain("NaN", csv);
            Assert.Equal(expectedCsv, csv);
        }
    }
}
