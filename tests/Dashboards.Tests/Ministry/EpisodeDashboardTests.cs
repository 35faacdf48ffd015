using Microsoft.Playwright;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.FollowUp;

namespace Monitoring.Tests.Dashboards.Ministry;

/// <summary>
/// Flag episodes on the real app over the tiny DATA_DIR (whose load filled the follow-up register): the ministry's
/// list, detail and status form; the territory's read-only panel for planners and coordinators; scope refusals
/// through pages, CSV and the query layer; nothing on the public page.
/// </summary>
[Collection("app")]
public sealed class EpisodeDashboardTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    const string Panel = ".grid-table[data-panel='episodes']";

    IReadOnlyList<Episode> Register() => new FollowUpRegister(app.DataDir).Episodes();

    [Fact]
    public async Task Ministry_lists_every_episode_and_sets_assistance_on_an_episode_page()
    {
        var episodes = Register();
        Assert.NotEmpty(episodes);
        // Every episode starts at a month the snapshot flags for that indicator and ATS.
        using (var db = app.Warehouse())
            foreach (var e in episodes)
                Assert.Contains(Expected.Scalar<string>(db, $"select severity from flags where indicator_id = '{e.IndicatorId}' and ats_code = '{e.AtsCode}' and month = '{e.StartMonth}'"), new[] { "warning", "alarm" });

        var page = await app.SignedInAsync("ministry");
        await page.GotoAsync("/ministry/episodes");
        Assert.Equal(episodes.Count, await page.Locator($"{Panel} tbody tr").CountAsync());
        var open = episodes.Count(e => e.Status == FollowUpStatus.Open);
        await page.GotoAsync("/ministry/episodes?status=open");
        Assert.Equal(open, await page.Locator($"{Panel} tbody tr").CountAsync());

        // The latest episode not yet with assistance: open its page from the list and activate assistance.
        var target = episodes.Where(e => e.AssistanceMonth is null).OrderByDescending(e => e.StartMonth).First();
        await page.GotoAsync("/ministry/episodes");
        var before = int.Parse((await page.Locator(".episode-summary").GetAttributeAsync("data-with"))!);
        await page.Locator($"{Panel} tbody tr[data-key='{target.EpisodeId}'] [data-col='indicator'] a").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/episodes/detail"));
        var trend = page.Locator(".grid-table[data-panel='episode-trend']");
        Assert.Contains("Inizio episodio", await trend.Locator($"tr[data-key='{target.StartMonth}'] td[data-col='event']").InnerTextAsync());
        await page.Locator("#chart-episode .apexcharts-canvas").WaitForAsync(new() { Timeout = 15000 });
        await page.SelectOptionAsync("#ep-status", "assistance_activated");
        await page.FillAsync("#ep-notes", "task force from the region");
        await page.ClickAsync("form.episode-form button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ReloadAsync();
        Assert.Equal("assistance_activated", await page.Locator(".episode-facts").GetAttributeAsync("data-status"));
        Assert.Contains("Assistenza attivata", await trend.Locator($"tr[data-key='{target.LatestMonth}'] td[data-col='event']").InnerTextAsync());
        var lastChange = page.Locator(".grid-table[data-panel='episode-history'] tbody tr").Last;
        Assert.Equal("Ministero / Ministry", await lastChange.Locator("td[data-col='changed_by']").InnerTextAsync());
        await DashboardsApp.ScreenshotAsync(page, "episode-detail");

        var stored = new FollowUpRegister(app.DataDir).Get(target.EpisodeId)!;
        Assert.Equal((FollowUpStatus.AssistanceActivated, "demo:ministry", "Ministero / Ministry"), (stored.Status, stored.UpdatedById, stored.UpdatedByName));
        Assert.Equal(target.LatestMonth, stored.AssistanceMonth);
        Assert.Equal("task force from the region", stored.Notes);

        await page.GotoAsync("/ministry/episodes?lang=en");
        Assert.Equal(before + 1, int.Parse((await page.Locator(".episode-summary").GetAttributeAsync("data-with"))!));
        Assert.Contains("episodes with assistance activated in the last 12 months", await page.Locator(".episode-summary").InnerTextAsync());
        var csv = await page.APIRequest.GetAsync("/api/panels/episodes.csv?lang=en&status=assistance_activated");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
        Assert.StartsWith("episode,indicator_id,indicator,ats", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.StartsWith(target.EpisodeId + ",") && l.Contains("assistance activated"));
    }

    [Fact]
    public async Task Planners_and_coordinators_read_their_territory_s_episodes_and_nothing_else()
    {
        var episodes = Register();
        var page = await app.SignedInAsync("planner_region");
        var region = episodes.Where(e => e.RegionCode == "15").ToList();
        var panel = page.Locator(".territory-episodes");
        if (region.Count == 0) Assert.Contains("Nessun episodio", await panel.InnerTextAsync());
        else Assert.Equal(region.Count, await panel.Locator($"{Panel} tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("form.episode-form").CountAsync());
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/episodes.csv?region=01")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/episode-summary.csv")).Status);
        Assert.Equal(403, (await page.GotoAsync("/ministry/episodes"))!.Status);
        if (region.Count > 0)
        {
            // The episode page is read-only for them: no form, the ministry user's name replaced by the role.
            var response = await page.GotoAsync($"/episodes/detail?episode={Uri.EscapeDataString(region[0].EpisodeId)}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(0, await page.Locator("form.episode-form").CountAsync());
            Assert.DoesNotContain("Ministero / Ministry", await page.Locator(".grid-table[data-panel='episode-history']").InnerTextAsync());
        }

        var atsPlanner = await app.SignedInAsync("planner_ats");
        using var q = new DashboardQueries(app.DataDir);
        var own = q.Meta.Ats().First(a => a.RegionCode == "15").Code;
        Assert.Equal(episodes.Count(e => e.AtsCode == own), await atsPlanner.Locator($".territory-episodes {Panel} tbody tr").CountAsync());
        if (episodes.FirstOrDefault(e => e.AtsCode != own) is { } elsewhere)
        {
            var id = Uri.EscapeDataString(elsewhere.EpisodeId);
            Assert.Equal(403, (await atsPlanner.APIRequest.GetAsync($"/api/panels/episode-history.csv?episode={id}")).Status);
            Assert.Equal(403, (await atsPlanner.GotoAsync($"/episodes/detail?episode={id}"))!.Status);
        }

        var coordinator = await app.SignedInAsync("coordinator");
        await coordinator.GotoAsync("/casework");
        Assert.Equal(1, await coordinator.Locator(".territory-episodes").CountAsync());
        var caseManager = await app.SignedInAsync("case_manager");
        Assert.Equal(0, await caseManager.Locator(".territory-episodes").CountAsync());
        Assert.Equal(403, (await caseManager.APIRequest.GetAsync("/api/panels/episodes.csv")).Status);

        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/public");
        Assert.DoesNotContain("episod", (await anonymous.ContentAsync()).ToLowerInvariant());
        Assert.Equal(403, (await anonymous.APIRequest.GetAsync("/api/panels/episodes.csv")).Status);
    }

    [Fact]
    public void The_query_layer_refuses_a_planner_of_another_region()
    {
        using var q = new DashboardQueries(app.DataDir);
        var episode = Register().First(e => e.RegionCode == "15");
        var other = new UserScope(UserRole.PlannerRegion, "01");
        Assert.Throws<ScopeViolation>(() => q.Panel("episode-history", other, new() { Episode = episode.EpisodeId }));
        Assert.Throws<ScopeViolation>(() => q.Panel("episode-trend", other, new() { Episode = episode.EpisodeId }));
        Assert.Throws<ScopeViolation>(() => q.Panel("episodes", other, new() { Region = "15" }));
        Assert.Throws<ScopeViolation>(() => q.Panel("episodes", UserScope.Public, new()));
        Assert.Throws<ScopeViolation>(() => q.Panel("episode-summary", new UserScope(UserRole.PlannerRegion, "15"), new()));
        Assert.Throws<ScopeViolation>(() => q.Panel("episode-history", UserScope.Ministry, new() { Episode = "no:such:episode" }));
        Assert.Empty(q.Panel("episodes", other, new()).Rows);
        Assert.NotEmpty(q.Panel("episode-trend", new UserScope(UserRole.PlannerRegion, "15"), new() { Episode = episode.EpisodeId }).Rows);
        // Who changed a status is for the ministry only.
        Assert.DoesNotContain("updated_by", q.Panel("episodes", new UserScope(UserRole.PlannerRegion, "15"), new()).Columns.Select(c => c.Key));
        Assert.Contains("updated_by", q.Panel("episodes", UserScope.Ministry, new()).Columns.Select(c => c.Key));
    }
}
