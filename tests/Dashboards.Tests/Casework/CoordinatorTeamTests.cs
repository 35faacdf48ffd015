using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Tests.Dashboards.Casework;

/// <summary>
/// The coordinator's team panels (issue 16) through the real app: per case manager step timing, the unassigned
/// queue, only active case managers in the workload with leavers apart, the next-case suggestion, and picking a
/// team member out by GePI id (found, refused outside the ATS, audit-logged without the id). Expected values are
/// the test's own SQL over the warehouse, and the raw ids come from the export the pipeline read.
/// </summary>
[Collection("app")]
public sealed class CoordinatorTeamTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private static string Label(string key) => "CM-" + key[..6];

    private static (string Ats, string Month) CoordinatorScope(DuckDB.NET.Data.DuckDBConnection db)
        => (Expected.Scalar<string>(db, "select min(ats_code) from dim_ats where region_code = '15'"),
            Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'"));

    [Fact]
    public async Task Coordinator_sees_active_team_leavers_unassigned_queue_next_case_and_steps_per_case_manager()
    {
        using var db = app.Warehouse();
        var (ats, month) = CoordinatorScope(db);
        var monthStart = $"cast('{month}-01' as date)";
        var active = Expected.Rows(db, $"""
            select cast(operator_key as varchar) as k, fte,
                   (select count(*) from cm_open_case_age a where a.case_manager_key = o.operator_key and a.ats_code = '{ats}') as open_cases
            from dim_operator o
            where role = 'case_manager' and ats_code = '{ats}'
              and active_from <= last_day({monthStart}) and (active_to is null or active_to >= {monthStart})
            """);
        var leavers = Expected.Rows(db, $"""
            select cast(operator_key as varchar) as k, count(*) as open_cases
            from dim_operator o join cm_open_case_age a on a.case_manager_key = o.operator_key and a.ats_code = '{ats}'
            where o.role = 'case_manager' and o.ats_code = '{ats}' and o.active_to < {monthStart}
            group by 1
            """);
        var unassigned = Expected.Rows(db, $"""
            select c.opened_date from cm_open_case_age a join fct_cases c using (case_key)
            where a.ats_code = '{ats}' and a.case_manager_key is null order by c.opened_date
            """);
        Assert.NotEmpty(active);

        var page = await app.SignedInAsync("coordinator");
        await DashboardsApp.ScreenshotAsync(page, "coordinator-team");

        // Workload: exactly the case managers active in the month.
        var workload = page.Locator(".grid-table[data-panel='casework-workload'] tbody tr");
        Assert.Equal(active.Count, await workload.CountAsync());
        foreach (var a in active)
            Assert.Equal(1, await page.Locator($".grid-table[data-panel='casework-workload'] tr[data-key='{Label((string)a["k"]!)}']").CountAsync());

        // Leavers listed apart, with their open cases.
        var leaverRows = page.Locator(".grid-table[data-panel='casework-leavers'] tbody tr");
        Assert.Equal(leavers.Count, await leaverRows.CountAsync());
        foreach (var l in leavers)
        {
            var tr = page.Locator($".grid-table[data-panel='casework-leavers'] tr[data-key='{Label((string)l["k"]!)}']");
            Assert.Equal(Convert.ToInt64(l["open_cases"]).ToString(), await tr.Locator("[data-col='open_cases']").InnerTextAsync());
        }

        // Unassigned queue: every open case with no case manager, oldest first, days waiting from opening.
        var queue = page.Locator(".grid-table[data-panel='casework-unassigned'] tbody tr");
        Assert.Equal(unassigned.Count, await queue.CountAsync());
        if (unassigned.Count > 0)
        {
            var reference = Expected.Scalar<DateTime>(db, "select cast(reference_date as timestamp) from run_meta");
            var oldest = Convert.ToDateTime(unassigned[0]["opened_date"]);
            Assert.Equal(((int)(reference - oldest).TotalDays).ToString(), await queue.First.Locator("[data-col='days_open']").InnerTextAsync());
        }

        // Next case: the active case manager with the fewest open cases per FTE.
        var best = active.OrderBy(a => Convert.ToDouble(a["open_cases"]) / Convert.ToDouble(a["fte"])).ThenBy(a => Convert.ToInt64(a["open_cases"])).First();
        var firstNext = page.Locator(".grid-table[data-panel='casework-next'] tbody tr").First;
        Assert.Equal(Label((string)best["k"]!), await firstNext.Locator("[data-col='case_manager']").InnerTextAsync());
        Assert.Equal(active.Count, await page.Locator(".grid-table[data-panel='casework-next'] tbody tr").CountAsync());

        // Steps per case manager: n and median of one case manager's days to plan, with the note when n is small.
        var cm = Expected.Rows(db, $"""
            select cast(case_manager_key as varchar) as k, count(days_to_plan) as n, median(days_to_plan) as m
            from fct_cases where ats_code = '{ats}' and case_manager_key is not null group by 1 order by n desc limit 1
            """).Single();
        var planLabel = "Dall'apertura al patto";
        var stepRow = page.Locator($".grid-table[data-panel='casework-steps-per-cm'] tbody tr[data-key='{Label((string)cm["k"]!)}']")
            .Filter(new() { HasText = planLabel });
        Assert.Equal(Convert.ToInt64(cm["n"]).ToString(), await stepRow.Locator("[data-col='cases']").InnerTextAsync());
        if (cm["m"] is not null)
            Assert.Equal(Expected.Format(Convert.ToDouble(cm["m"]), "days", "value"), await stepRow.Locator("[data-col='cm_median']").InnerTextAsync());
        var compare = await stepRow.Locator("[data-col='compare']").InnerTextAsync();
        if (Convert.ToInt64(cm["n"]) < 10) Assert.Equal("troppo pochi per confrontare", compare);
        else Assert.NotEqual("troppo pochi per confrontare", compare);

        // Each panel has its CSV, the same rows as the table.
        foreach (var (panel, rows) in new[] { ("casework-unassigned", unassigned.Count), ("casework-leavers", leavers.Count), ("casework-next", active.Count) })
        {
            var csv = await (await page.APIRequest.GetAsync($"/api/panels/{panel}.csv")).TextAsync();
            Assert.Equal(rows + 1, csv.Trim().Split('\n').Count(l => !l.StartsWith('#')));   // header + rows, after the machine-format comment
        }
    }

    [Fact]
    public async Task Coordinator_picks_out_a_team_member_by_gepi_id_and_ids_outside_the_ats_are_refused_and_never_logged()
    {
        using var db = app.Warehouse();
        var (ats, month) = CoordinatorScope(db);
        var operators = ReadOperators(app.ExportDir);
        var pseudonymizer = new Pseudonymizer(PseudonymKey.Resolve(demo: true));   // the key the test pipeline used (demo)
        var workloadKeys = Expected.Rows(db, $"""
            select cast(operator_key as varchar) as k from fct_staffing_monthly where ats_code = '{ats}' and month = '{month}'
            """).Select(r => (string)r["k"]!).ToHashSet();
        var mine = operators.First(o => o.Ats == ats && o.Role == "case_manager" && workloadKeys.Contains(pseudonymizer.Pseudonym("operator", o.Id)));
        var theirs = operators.First(o => o.Ats != ats);
        const string unknown = "GEPI-DOES-NOT-EXIST-424242";
        var mineLabel = Label(pseudonymizer.Pseudonym("operator", mine.Id));

        var page = await app.SignedInAsync("coordinator");
        await page.FillAsync("#gepi-id", mine.Id);
        await page.ClickAsync("form.team-lookup button[type=submit]");
        var result = page.Locator(".team-lookup-result");
        await result.WaitForAsync();
        Assert.Equal("Found", await result.GetAttributeAsync("data-outcome"));
        Assert.Contains(mineLabel, await result.InnerTextAsync());
        Assert.True(await page.Locator($".grid-table[data-panel='casework-workload'] tr[data-key='{mineLabel}'] td.marked").CountAsync() > 0);
        Assert.Equal(await page.Locator(".grid-table[data-panel='casework-workload'] tr:has(td.marked)").CountAsync(), 1);
        await DashboardsApp.ScreenshotAsync(page, "coordinator-team-lookup");
        // Nothing of the id travels back in the page or the URL.
        Assert.DoesNotContain(mine.Id, await page.ContentAsync());
        Assert.DoesNotContain(mine.Id, page.Url);

        foreach (var id in new[] { theirs.Id, unknown })
        {
            await page.GotoAsync("/casework");
            await page.FillAsync("#gepi-id", id);
            await page.ClickAsync("form.team-lookup button[type=submit]");
            await result.WaitForAsync();
            Assert.Equal("NotInAts", await result.GetAttributeAsync("data-outcome"));
            Assert.Equal("Non presente nel tuo ATS", (await result.InnerTextAsync()).Trim());
            Assert.Equal(0, await page.Locator("td.marked").CountAsync());
        }

        // Every lookup audit-logged, without the id or its pseudonym.
        var log = "";
        for (var i = 0; i < 20 && CountLookups(log = app.AppLog()) < 3; i++) await Task.Delay(200);
        Assert.True(CountLookups(log) >= 3, "three team lookups audit-logged");
        foreach (var id in new[] { mine.Id, theirs.Id, unknown })
        {
            Assert.DoesNotContain(id, log);
            Assert.DoesNotContain(pseudonymizer.Pseudonym("operator", id), log);
        }
    }

    [Fact]
    public async Task Team_panels_are_refused_outside_the_coordinators_ats_and_to_other_roles()
    {
        using var db = app.Warehouse();
        var (ats, _) = CoordinatorScope(db);
        var other = Expected.Scalar<string>(db, $"select max(ats_code) from dim_ats where ats_code <> '{ats}'");
        var panels = new[] { "casework-steps-per-cm", "casework-unassigned", "casework-leavers", "casework-next" };

        var coordinator = await app.SignedInAsync("coordinator");
        Assert.Equal(403, (await coordinator.GotoAsync($"/casework?ats={other}"))!.Status);
        foreach (var p in panels)
        {
            Assert.Equal(200, (await coordinator.APIRequest.GetAsync($"/api/panels/{p}.csv")).Status);
            Assert.Equal(403, (await coordinator.APIRequest.GetAsync($"/api/panels/{p}.csv?ats={other}")).Status);
        }
        // A case manager of the same ATS does not see colleagues compared; planners and the Ministry neither.
        foreach (var role in new[] { "case_manager", "planner_ats", "planner_region", "ministry" })
        {
            var page = await app.SignedInAsync(role);
            foreach (var p in panels)
                Assert.Equal(403, (await page.APIRequest.GetAsync($"/api/panels/{p}.csv?ats={ats}")).Status);
        }
        var cm = await app.SignedInAsync("case_manager");
        await cm.GotoAsync("/casework");
        Assert.Equal(0, await cm.Locator("#gepi-id").CountAsync());
    }

    private static int CountLookups(string log) => log.Split('\n').Count(l => l.Contains("team lookup:"));

    private sealed record RawOperator(string Id, string Role, string Ats);

    /// <summary>The export's operators.csv (';'-separated, '"'-quoted as the export contract writes it): id, role, ATS.</summary>
    private static List<RawOperator> ReadOperators(string exportDir)
    {
        var file = Directory.GetFiles(exportDir, "operators.csv", SearchOption.AllDirectories).First();
        var lines = File.ReadAllLines(file);
        var header = Fields(lines[0]);
        int id = header.IndexOf("operator_id"), role = header.IndexOf("role"), ats = header.IndexOf("ats_code");
        return lines.Skip(1).Where(l => l.Length > 0).Select(Fields).Select(f => new RawOperator(f[id], f[role], f[ats])).ToList();
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
