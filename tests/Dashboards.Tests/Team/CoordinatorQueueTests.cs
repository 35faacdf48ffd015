using Monitoring.Tests.Dashboards.FirstContact;
using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Tests.Dashboards.Team;

/// <summary>
/// The coordinator's unassigned queue and leavers panel against an edit the test made to the export itself
/// (<see cref="EditedTeamApp"/>): open cases stripped of their case manager, a case manager who left while holding open
/// cases. The expected rows come from the edited CSV files and the pseudonym key the pipeline used — never from the
/// warehouse — so a queue or a leavers list that is empty, or loses the edit, fails.
/// </summary>
public sealed class CoordinatorQueueTests(EditedTeamApp app) : BrowserTest(app.Windows), IClassFixture<EditedTeamApp>
{
    private static readonly Pseudonymizer Pseudonyms = new(PseudonymKey.Resolve(demo: true));

    private sealed record OpenCase(string Id, string CaseManager, DateTime Opened);

    private List<OpenCase> OpenCasesOfAts()
    {
        var cases = ExportCsv.Read(Path.Combine(app.ExportDir, "cases.csv"));
        return Enumerable.Range(0, cases.Records.Count)
            .Where(r => cases.Get(r, "ats_code") == EditedTeamApp.Ats && string.CompareOrdinal(cases.Get(r, "opened_date"), app.ReferenceDate) <= 0
                && (cases.Get(r, "closed_date") is var c && (c == "" || string.CompareOrdinal(c, app.ReferenceDate) > 0)))
            .Select(r => new OpenCase(cases.Get(r, "case_id"), cases.Get(r, "case_manager_id"), DateTime.Parse(cases.Get(r, "opened_date"))))
            .ToList();
    }

    [Fact]
    public async Task Open_cases_without_a_case_manager_queue_oldest_first_with_their_days_waiting()
    {
        var reference = DateTime.Parse(app.ReferenceDate);
        var expected = OpenCasesOfAts().Where(c => c.CaseManager == "").OrderBy(c => c.Opened).ThenBy(c => c.Id).ToList();
        Assert.True(expected.Count >= EditedTeamApp.UnassignedByTheTest);
        Assert.All(app.Unassigned, id => Assert.Contains(expected, c => c.Id == id));

        var page = await app.WindowAsync("coordinator");
        await page.GotoAsync("/casework");
        var rows = page.Locator(".grid-table[data-panel='casework-unassigned'] tbody tr");
        Assert.Equal(expected.Count, await rows.CountAsync());
        // Every case the test stripped is in the queue, under its pseudonymous label, with the days since it opened.
        foreach (var id in app.Unassigned)
        {
            var c = expected.Single(e => e.Id == id);
            var row = page.Locator($".grid-table[data-panel='casework-unassigned'] tr[data-key='C-{Pseudonyms.Pseudonym("case", id)[..6]}']");
            Assert.Equal(1, await row.CountAsync());
            Assert.Equal(ReaderNumbers.Decimal((reference - c.Opened).TotalDays, "it"), (await row.Locator("[data-col='days_open']").InnerTextAsync()).Trim());
            Assert.Equal(ReaderNumbers.Date(c.Opened.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "it"),
                (await row.Locator("[data-col='opened_date']").InnerTextAsync()).Trim());
        }
        // Oldest first.
        var days = (await rows.Locator("[data-col='days_open']").AllInnerTextsAsync()).ToList();
        Assert.Equal(expected.Select(c => ReaderNumbers.Decimal((reference - c.Opened).TotalDays, "it")), days.Select(d => d.Trim()));
        Assert.DoesNotContain(string.Join(" ", app.Unassigned), await page.ContentAsync());
    }

    [Fact]
    public async Task A_case_manager_who_left_with_open_cases_is_listed_apart_and_not_in_the_workload()
    {
        var operators = ExportCsv.Read(Path.Combine(app.ExportDir, "operators.csv"));
        var monthStart = app.ReferenceDate[..7] + "-01";
        var open = OpenCasesOfAts().Where(c => c.CaseManager != "").GroupBy(c => c.CaseManager).ToDictionary(g => g.Key, g => g.Count());
        // Leavers: case managers of the ATS whose last day is before the month shown, still holding open cases.
        var expected = Enumerable.Range(0, operators.Records.Count)
            .Where(r => operators.Get(r, "ats_code") == EditedTeamApp.Ats && operators.Get(r, "role") == "case_manager"
                && operators.Get(r, "active_to") is var to && to != "" && string.CompareOrdinal(to, monthStart) < 0
                && open.ContainsKey(operators.Get(r, "operator_id")))
            .Select(r => (Id: operators.Get(r, "operator_id"), LeftOn: operators.Get(r, "active_to")))
            .ToList();
        Assert.Contains(expected, e => e.Id == app.Leaver && e.LeftOn == EditedTeamApp.LeftOn);

        var page = await app.WindowAsync("coordinator");
        await page.GotoAsync("/casework");
        var rows = page.Locator(".grid-table[data-panel='casework-leavers'] tbody tr");
        Assert.Equal(expected.Count, await rows.CountAsync());
        foreach (var (id, leftOn) in expected)
        {
            var label = "CM-" + Pseudonyms.Pseudonym("operator", id)[..6];
            var row = page.Locator($".grid-table[data-panel='casework-leavers'] tr[data-key='{label}']");
            Assert.Equal(ReaderNumbers.Count(open[id], "it"), (await row.Locator("[data-col='open_cases']").InnerTextAsync()).Trim());
            Assert.Equal(ReaderNumbers.Date(leftOn, "it"), (await row.Locator("[data-col='active_to']").InnerTextAsync()).Trim());
            // Gone from the team's workload and from the next-case suggestion.
            Assert.Equal(0, await page.Locator($".grid-table[data-panel='casework-workload'] tr[data-key='{label}']").CountAsync());
            Assert.Equal(0, await page.Locator($".grid-table[data-panel='casework-next'] tr[data-key='{label}']").CountAsync());
        }
        // The CSV has the same rows.
        var csv = await (await page.APIRequest.GetAsync("/api/panels/casework-leavers.csv")).TextAsync();
        Assert.Equal(expected.Count + 1, csv.Trim().Split('\n').Count(l => !l.StartsWith('#')));
        await DashboardsApp.ScreenshotAsync(page, "coordinator-edited-team");
    }
}
