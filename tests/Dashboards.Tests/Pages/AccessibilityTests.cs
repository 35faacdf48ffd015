using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Pages;

[Collection("app-pages")]
public sealed class AccessibilityTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Theory]
    [InlineData(null, "/public")]
    [InlineData(null, "/glossary?lang=en")]
    [InlineData(null, "/signin")]
    [InlineData("ministry", "/ministry")]
    [InlineData("planner_region", "/planner")]
    [InlineData("coordinator", "/casework")]
    [InlineData("case_manager", "/casework?lang=en")]
    public async Task Pages_have_no_serious_or_critical_axe_violations(string? user, string path)
    {
        var page = user is null ? await app.NewPageAsync() : await app.SignedInAsync(user);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{path}: " + string.Join("\n", bad));
    }

    [Fact]
    public async Task Skip_link_is_first_on_the_keyboard_and_moves_to_main()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("/public#main", page.Url);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        // Every filter control has a label.
        foreach (var id in await page.Locator(".filter-bar select, .filter-bar input:not([type=hidden])").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"))
            Assert.Equal(1, await page.Locator($"label[for='{id}']").CountAsync());
    }
}
