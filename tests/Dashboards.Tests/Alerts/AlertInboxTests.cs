using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Alerts;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards.Alerts;

/// <summary>
/// The alerts inbox on the real app over the tiny DATA_DIR, in headless Chromium and through a plain HTTP client: the
/// regional planner's inbox lists the latest month's alarms and the register's episodes of its region (read by the
/// test's own SQL), read marks move the nav's unread count, the subscription form stores the address (and the app's log
/// never shows it); the coordinator sees only its ATS and is refused another's (tampered ?ats= and a forged read form).
/// (A refused load reaching the ministry only is proved by <see cref="AlertDigestTests"/> on its own DATA_DIR: a job run
/// here would spoil the operations page test's empty job history.)
/// </summary>
[Collection("app")]
public sealed class AlertInboxTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private const string Rows = "table.alerts-table tbody tr";

    private (string Latest, List<(string Indicator, string Ats)> Alarms, Dictionary<string, string> AtsRegion) Warehouse()
    {
        using var db = app.Warehouse();
        var latest = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var alarms = Expected.Rows(db, $"select indicator_id, ats_code from flags where month = '{latest}' and severity = 'alarm'")
            .Select(r => ((string)r["indicator_id"]!, (string)r["ats_code"]!)).ToList();
        var atsRegion = Expected.Rows(db, "select ats_code, region_code from dim_ats").ToDictionary(r => (string)r["ats_code"]!, r => (string)r["region_code"]!);
        return (latest, alarms, atsRegion);
    }

    private List<Dictionary<string, object?>> Register(string sql)
    {
        using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={new DataDirectory(app.DataDir).FollowUpDatabase};ACCESS_MODE=READ_ONLY");
        c.Open();
        return Expected.Rows(c, sql);
    }

    [Fact]
    public async Task The_regional_planner_s_inbox_lists_its_region_s_alarms_and_episodes_and_read_marks_move_the_unread_count()
    {
        var (latest, alarms, atsRegion) = Warehouse();
        var regionAts = atsRegion.Where(a => a.Value == "15").Select(a => a.Key).ToHashSet();
        var episodes = Register("select episode_id, ats_code from episodes").Where(r => regionAts.Contains((string)r["ats_code"]!)).ToList();
        // Seed 1 of the tiny preset has episodes in region 15 but only a warning in its latest month; the alarms'
        // scoping is proven on seed 2 by AlertDigestTests. Without any news the inbox would prove nothing.
        Assert.True(episodes.Count > 0 || alarms.Any(a => regionAts.Contains(a.Ats)), "the preset has no news in region 15");
        var changes = Register("select h.change_id, e.ats_code from episode_history h join episodes e using (episode_id) where h.kind in ('status', 'recovered')")
            .Count(r => regionAts.Contains((string)r["ats_code"]!));

        var page = await app.SignedInAsync("planner_region");
        var response = await page.GotoAsync("/alerts");
        Assert.Equal(200, response!.Status);
        var rows = page.Locator(Rows);
        foreach (var (indicator, ats) in alarms.Where(a => regionAts.Contains(a.Ats)))
            Assert.Equal(1, await page.Locator($"{Rows}[data-alert-id='alarm:{indicator}:{ats}:{latest}']").CountAsync());
        Assert.Equal(alarms.Count(a => regionAts.Contains(a.Ats)), await page.Locator($"{Rows}[data-kind='alarm']").CountAsync());
        Assert.Equal(episodes.Count, await page.Locator($"{Rows}[data-kind='episode']").CountAsync());
        Assert.Equal(changes, await page.Locator($"{Rows}[data-kind='status'], {Rows}[data-kind='recovered']").CountAsync());
        Assert.Equal(0, await page.Locator($"{Rows}[data-kind^='run_'], {Rows}[data-kind='job_failed']").CountAsync()); // operators' news: ministry only
        foreach (var ats in await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.ats)"))
            Assert.Contains(ats, regionAts);

        // The nav's count is the unread rows; marking one read takes one off, and the row says so.
        var total = await rows.CountAsync();
        Assert.Equal(total.ToString(), await page.Locator(".nav-alerts").GetAttributeAsync("data-unread"));
        var first = rows.First;
        var id = await first.GetAttributeAsync("data-alert-id");
        await first.Locator("form button").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/alerts"));
        Assert.Equal("alert-read", await page.Locator($"{Rows}[data-alert-id='{id}']").GetAttributeAsync("class"));
        Assert.Equal((total - 1).ToString(), await page.Locator(".nav-alerts").GetAttributeAsync("data-unread"));
        Assert.Contains($"{total - 1} non lette", await page.Locator(".nav-alerts").InnerTextAsync());

        // Accessible, and in English too.
        var axe = await page.RunAxe();
        var bad = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        Assert.True(bad.Count == 0, string.Join(", ", bad));
        await page.GotoAsync("/alerts?lang=en");
        Assert.Equal("Alerts", await page.Locator("h1").InnerTextAsync());
        if (alarms.FirstOrDefault(a => regionAts.Contains(a.Ats)) is { Ats: not null } alarm) // seed 1: none in the latest month
            Assert.Contains($"Alarm: indicator {alarm.Indicator}, ATS {alarm.Ats}, month {latest}", await page.Locator("table.alerts-table").InnerTextAsync());
        else
            Assert.Equal(total, await page.Locator(Rows).CountAsync()); // the same rows, in English

        // The digest subscription through the form: stored with the planner's scope; the address never reaches the log.
        const string email = "programmazione.regione15@example.test";
        await page.GotoAsync("/alerts");
        await page.FillAsync("#al-email", email);
        await page.ClickAsync("form.subscription-form button[type='submit']");
        await page.WaitForURLAsync(u => u.Contains("subscription=saved"));
        Assert.Equal("true", await page.Locator(".subscription-state").GetAttributeAsync("data-subscribed"));
        var stored = new SubscriptionStore(new DataDirectory(app.DataDir)).Get("demo:planner_region");
        Assert.Equal((email, "planner_region", "15", (string?)null), (stored!.Email, stored.Role, stored.RegionCode, stored.AtsCode));
        Assert.DoesNotContain(email, app.AppLog());
        await DashboardsApp.ScreenshotAsync(page, "alerts-planner-region");
    }

    [Fact]
    public async Task The_coordinator_sees_only_its_ATS_and_is_refused_another_s_alerts()
    {
        var (_, alarms, atsRegion) = Warehouse();
        using var web = new WebClient(app.BaseUrl);
        await web.DemoSignInAsync("coordinator");
        var page = await app.SignedInAsync("coordinator");
        await page.GotoAsync("/alerts");
        var own = (await page.Locator(".who").InnerTextAsync()).Split(" · ")[^1].Trim();
        Assert.Contains(own, atsRegion.Keys);
        foreach (var ats in await page.Locator(Rows).EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.ats)"))
            Assert.Equal(own, ats);

        // Another ATS, preferably one with an alarm in the latest month (the preset may have none outside the
        // coordinator's ATS: then another ATS of its region, with a well-formed alarm id): named in the URL → 403,
        // in a forged read form → 403.
        var (indicator, other) = alarms.FirstOrDefault(a => a.Ats != own) is { Ats: not null } withAlarm
            ? withAlarm
            : ("open_cases_per_case_manager", atsRegion.Keys.First(a => a != own && atsRegion[a] == atsRegion[own]));
        var latest = Warehouse().Latest;
        var tampered = await page.GotoAsync($"/alerts?ats={other}");
        Assert.Equal(403, tampered!.Status);
        Assert.Equal(0, await page.Locator(Rows).CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Http.GetAsync($"/alerts?ats={other}")).StatusCode);
        var token = await web.TokenFromAsync("/alerts");
        var forged = await web.PostFormAsync("/api/alerts/read", ("id", $"alarm:{indicator}:{other}:{latest}"), ("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        // A cross-site form (no antiforgery token) marks nothing read either.
        var ownId = await page.Locator(Rows).EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.alertId)");
        var crossSite = await web.PostFormAsync("/api/alerts/read", ("all", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        Assert.Empty(new InboxStore(new DataDirectory(app.DataDir)).ReadIds("demo:coordinator").Intersect(ownId));
        Assert.DoesNotContain($"alarm:{indicator}:{other}:{latest}", new InboxStore(new DataDirectory(app.DataDir)).ReadIds("demo:coordinator"));

        // Not signed in: no inbox, no form.
        using var anonymous = new WebClient(app.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync("/alerts")).StatusCode);
        var anonymousToken = await anonymous.TokenFromAsync("/signin");
        var post = await anonymous.PostFormAsync("/api/alerts/subscription", ("email", "x@example.test"), ("__RequestVerificationToken", anonymousToken));
        Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, post.StatusCode.ToString());
        Assert.Null(new SubscriptionStore(new DataDirectory(app.DataDir)).All().FirstOrDefault(s => s.Email == "x@example.test"));
    }
}
