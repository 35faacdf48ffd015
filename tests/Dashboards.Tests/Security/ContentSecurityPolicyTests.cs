using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Security;

/// <summary>
/// The Content-Security-Policy in a real browser: every page of every role loads with no violation reported (neither
/// the securitypolicyviolation event nor a console error), Blazor's script runs and every ApexCharts chart is drawn;
/// and another site cannot frame the pages.
/// </summary>
[Collection("app-pages")]
public sealed class ContentSecurityPolicyTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private const string CollectViolations = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    public static TheoryData<string?, string> Pages => new()
    {
        { null, "/" }, { null, "/public" }, { null, "/public?lang=en" }, { null, "/glossary" }, { null, "/signin" }, { null, "/no-such-page" },
        { "ministry", "/ministry" }, { "ministry", "/ministry/operations" }, { "ministry", "/ministry/research" },
        { "planner_region", "/planner" }, { "planner_ats", "/planner" }, { "coordinator", "/casework" }, { "case_manager", "/casework" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_loads_without_a_policy_violation_and_draws_its_charts(string? user, string path)
    {
        var page = user is null ? await app.NewPageAsync() : await app.SignedInAsync(user);
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add("pageerror: " + e);
        await page.Context.AddInitScriptAsync(CollectViolations);

        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
        var charts = page.Locator("[data-chart-spec]");
        var count = await charts.CountAsync();
        for (var i = 0; i < count; i++)
            await charts.Nth(i).Locator(".apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        // Blazor's script ran (it defines window.Blazor) under the policy.
        Assert.True(await page.EvaluateAsync<bool>("typeof window.Blazor === 'object'"), "blazor.web.js did not run");

        var violations = await page.EvaluateAsync<string[]>("window.__csp");
        Assert.True(violations.Length == 0, $"{path}: {string.Join(" | ", violations)}");
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        if (path == "/ministry") Assert.True(count > 0, "the ministry page has charts to check");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_site_cannot_frame_the_pages()
    {
        var page = await app.SignedInAsync("ministry");
        var fetched = new List<string>();
        page.Response += (_, r) => fetched.Add($"{r.Status} {r.Url}");
        // Control: the same page with its framing headers stripped on the way (so the check below can see a framed page).
        await page.RouteAsync(app.BaseUrl + "/public?control=1", async route =>
        {
            var response = await route.FetchAsync();
            var headers = response.Headers.Where(h => h.Key is not ("content-security-policy" or "x-frame-options")).ToDictionary(h => h.Key, h => h.Value);
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        // An attacker's page on another origin framing the ministry page, the public page, and the control.
        await page.RouteAsync("http://attacker.test/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"""
                <html><body>
                <iframe name='ministry' src='{app.BaseUrl}/ministry'></iframe>
                <iframe name='public' src='{app.BaseUrl}/public'></iframe>
                <iframe name='control' src='{app.BaseUrl}/public?control=1'></iframe>
                </body></html>
                """,
        }));
        await page.GotoAsync("http://attacker.test/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(500);

        // The browser fetched the control …
        Assert.Contains(fetched, f => f.Contains("/public?control=1"));
        // … showed it (headers stripped) …
        Assert.Equal(1, await page.Frame("control")!.Locator(".site-header").CountAsync());
        // … and refused to show the real pages: their frames hold Chromium's error page, not our header or forms.
        foreach (var name in new[] { "ministry", "public" })
        {
            var frame = page.Frame(name);
            Assert.True(frame is null || await frame.Locator(".site-header, form").CountAsync() == 0, $"{name} was framed");
        }
        await page.Context.CloseAsync();
    }
}
