using System.Text.Json;
using Deque.AxeCore.Playwright;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using Monitoring.Etl.Schedule;

namespace Monitoring.Tests.Dashboards.Operations;

/// <summary>
/// The ministry's operations page (issue 5) on the real app: job history written by real run-job invocations of the
/// real ingest job, run reports written by the real pipeline (one refused, one with quarantine), read back here from
/// jobs.duckdb and runs/*.json independently of the page.
/// </summary>
[Collection("app")]
public sealed class OperationsPageTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private const string BadRed = "rgb(179, 38, 30)";

    [Fact]
    public async Task Job_history_run_reports_and_quarantine_are_shown_with_failures_marked_in_red_and_in_words()
    {
        var jobsFile = Path.Combine(app.DataDir, "jobs.duckdb");
        Assert.False(File.Exists(jobsFile), "no test may run a job before this one looks at the empty history");

        // 1. Before any job ran: said plainly, no error.
        var page = await app.SignedInAsync("ministry");
        var response = await page.GotoAsync("/ministry/operations");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("[data-ops='no-jobs']")).ToContainTextAsync("jobs.duckdb");
        var reportsBefore = Directory.GetFiles(Path.Combine(app.DataDir, "runs"), "*.json").Length;
        Assert.Equal(reportsBefore, await page.Locator(".grid-table[data-panel='operations-runs'] tbody tr").CountAsync());

        // 2. Two real ingest jobs: a truncated export (refused → the job fails) and an export with 3 duplicated budget
        //    lines and 2 households whose measure is not in its list (loaded, 5 rows quarantined).
        var badDrop = Path.Combine(app.Root, "drop-bad");
        var goodDrop = Path.Combine(app.Root, "drop-quarantine");
        TestExports.Truncated(app.ExportDir, badDrop, "gepi-test-truncated");
        TestExports.WithQuarantine(app.ExportDir, goodDrop, "gepi-test-quarantine", budgetDuplicates: 3, badMeasures: 2);
        var config = Path.Combine(app.Root, "schedules.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            time_zone = "Europe/Rome",
            jobs = new object[]
            {
                new { name = "ingest-bad", type = "ingest-latest-export", settings = new { drop_folder = badDrop, demo = true } },
                // 5 of a small export's rows quarantined on purpose: above the default 5% of a file, so allowed here.
                new { name = "ingest", type = "ingest-latest-export", settings = new { drop_folder = goodDrop, demo = true, max_quarantined = "50%" } },
            },
        }));
        Assert.Equal(1, await RunJobCommand.RunAsync(["ingest-bad", "--config", config, "--data", app.DataDir]));
        await Task.Delay(1100); // run ids are stamped to the second: keep the two runs in order
        Assert.Equal(0, await RunJobCommand.RunAsync(["ingest", "--config", config, "--data", app.DataDir]));

        // The test's own reading of what was recorded.
        var jobs = JobRows();
        Assert.Equal(2, jobs.Count);
        var failedJob = jobs.Single(j => j.Name == "ingest-bad");
        var okJob = jobs.Single(j => j.Name == "ingest");
        Assert.Equal("failed", failedJob.Status);
        Assert.Equal("succeeded", okJob.Status);
        var reports = Directory.GetFiles(Path.Combine(app.DataDir, "runs"), "*.json")
            .Select(p => JsonDocument.Parse(File.ReadAllText(p)).RootElement).ToList();
        var refused = reports.Single(r => r.GetProperty("export_id").GetString() == "gepi-test-truncated");
        var quarantined = reports.Single(r => r.GetProperty("export_id").GetString() == "gepi-test-quarantine");
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("succeeded", quarantined.GetProperty("status").GetString());
        var refusedId = refused.GetProperty("run_id").GetString()!;
        var quarantineId = quarantined.GetProperty("run_id").GetString()!;

        // 3. The page now: last success per job, the failure red with a cross and the word.
        await page.ReloadAsync();
        await DashboardsApp.ScreenshotAsync(page, "ministry-operations");
        var last = page.Locator(".grid-table[data-panel='operations-last-success']");
        var okRow = last.Locator("tr[data-key='ingest']");
        Assert.Equal(Utc(okJob.FinishedAt), await okRow.Locator("td[data-col='last_success']").InnerTextAsync());
        Assert.Equal("riuscito", await okRow.Locator("td[data-col='last_status']").InnerTextAsync());
        var badRow = last.Locator("tr[data-key='ingest-bad']");
        Assert.Equal("mai", await badRow.Locator("td[data-col='last_success']").InnerTextAsync());
        var badStatus = badRow.Locator("td[data-col='last_status']");
        Assert.Equal("non riuscito", await badStatus.InnerTextAsync());
        await AssertMarkedBad(badStatus);
        Assert.Equal(failedJob.Message, await badRow.Locator("td[data-col='message']").InnerTextAsync());
        await Assertions.Expect(page.Locator(".ops-alert[data-failed='1']")).ToBeVisibleAsync();

        var runsOfJobs = page.Locator(".grid-table[data-panel='operations-job-runs'] tbody tr");
        Assert.Equal(2, await runsOfJobs.CountAsync());
        Assert.Equal("ingest", await runsOfJobs.Nth(0).Locator("td[data-col='job']").InnerTextAsync()); // newest first
        Assert.Equal((okJob.Rows is long rows ? FirstContact.ReaderNumbers.Count(rows, "it") : ""), await runsOfJobs.Nth(0).Locator("td[data-col='rows']").InnerTextAsync());
        Assert.Equal("gepi-test-quarantine", await runsOfJobs.Nth(0).Locator("td[data-col='export_id']").InnerTextAsync());
        Assert.Equal("manuale", await runsOfJobs.Nth(0).Locator("td[data-col='triggered_by']").InnerTextAsync());
        var failedCell = runsOfJobs.Nth(1).Locator("td[data-col='result']");
        Assert.Equal("non riuscito", await failedCell.InnerTextAsync());
        await AssertMarkedBad(failedCell);
        Assert.DoesNotContain("ops-bad", await runsOfJobs.Nth(0).Locator("td[data-col='result']").GetAttributeAsync("class") ?? "");

        // Run reports: one row per report, the refused one red with its error; the new snapshot is the one in service.
        var runs = page.Locator(".grid-table[data-panel='operations-runs']");
        Assert.Equal(reportsBefore + 2, await runs.Locator("tbody tr").CountAsync());
        var refusedRow = runs.Locator($"tr[data-key='{refusedId}']");
        await AssertMarkedBad(refusedRow.Locator("td[data-col='result']"));
        Assert.Equal("rifiutato", await refusedRow.Locator("td[data-col='result']").InnerTextAsync());
        Assert.Equal(refused.GetProperty("error").GetString(), await refusedRow.Locator("td[data-col='error']").InnerTextAsync());
        var loadedRow = runs.Locator($"tr[data-key='{quarantineId}']");
        Assert.Equal("sì", await loadedRow.Locator("td[data-col='in_service']").InnerTextAsync());
        Assert.Equal("5", await loadedRow.Locator("td[data-col='quarantined']").InnerTextAsync());

        // The newest run is shown by default: per file read = loaded + quarantined, and the quarantine per reason.
        var files = page.Locator("#run-files");
        Assert.Equal(quarantineId, await files.GetAttributeAsync("data-run-id"));
        var budgetRead = File.ReadAllLines(Path.Combine(goodDrop, "export-quarantine", "budget.csv")).Length - 1;
        var budgetRow = files.Locator(".grid-table[data-panel='operations-run-files'] tr[data-key='budget.csv']");
        Assert.Equal(FirstContact.ReaderNumbers.Count(budgetRead, "it"), await budgetRow.Locator("td[data-col='read']").InnerTextAsync());
        Assert.Equal(FirstContact.ReaderNumbers.Count(budgetRead - 3, "it"), await budgetRow.Locator("td[data-col='loaded']").InnerTextAsync());
        Assert.Equal("3", await budgetRow.Locator("td[data-col='quarantined']").InnerTextAsync());
        var quarantine = await files.Locator(".grid-table[data-panel='operations-quarantine'] tbody tr")
            .EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))");
        Assert.Equal([["budget.csv", "duplicate_row", "3"], ["households.csv", "not_in_list", "2"]], quarantine);
        Assert.Equal("5", await files.Locator("[data-ops='quarantine-total']").GetAttributeAsync("data-total"));

        // CSV of the job runs is exactly the table.
        var cells = await runsOfJobs.Nth(1).Locator("td").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".grid-table[data-panel='operations-job-runs'] .csv-link a"));
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("started_at,finished_at,job,job_type,triggered_by,attempt,result", csv[0]);
        Assert.Equal(string.Join(',', cells.Select(CsvCell)), csv[2]);

        // Following the refused run's id: its error, and no quarantine since nothing was read.
        await refusedRow.Locator("[data-col='run_id'] a").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("run=" + refusedId));
        Assert.Equal(refusedId, await page.Locator("#run-files").GetAttributeAsync("data-run-id"));
        Assert.Contains(refused.GetProperty("error").GetString()!, await page.Locator("[data-ops='run-error']").InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-ops='quarantine-empty']")).ToBeVisibleAsync();

        // English labels; no serious accessibility problem.
        await page.GotoAsync("/ministry/operations?lang=en");
        Assert.Equal("never", await page.Locator(".grid-table[data-panel='operations-last-success'] tr[data-key='ingest-bad'] td[data-col='last_success']").InnerTextAsync());
        Assert.Equal("failed", await page.Locator(".grid-table[data-panel='operations-job-runs'] tbody tr").Nth(1).Locator("td[data-col='result']").InnerTextAsync());
        Assert.Contains("Operations", await page.Locator("h1").InnerTextAsync());
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        Assert.True(serious.Count == 0, string.Join(", ", serious));
    }

    [Fact]
    public async Task Operations_and_research_extracts_are_refused_to_every_other_role()
    {
        var extract = ResearchFixture.EnsureExtract(app.DataDir);
        var file = $"/research/{Path.GetFileName(extract)}/households.parquet";
        foreach (var user in new[] { "planner_region", "planner_ats", "coordinator", "case_manager" })
        {
            var page = await app.SignedInAsync(user);
            Assert.Equal(403, (await page.GotoAsync("/ministry/operations"))!.Status);
            Assert.Equal(403, (await page.GotoAsync("/ministry/research"))!.Status);
            Assert.Equal(0, await page.Locator("a[href='/ministry/operations']").CountAsync());
            foreach (var url in new[] { file, "/api/panels/operations-job-runs.csv", "/api/panels/operations-runs.csv",
                                        "/api/panels/operations-quarantine.csv", "/api/panels/research-extracts.csv" })
                Assert.True((await page.APIRequest.GetAsync(url)).Status == 403, $"{user} {url}");
            await page.Context.CloseAsync();
        }
        var anonymous = await app.NewPageAsync();
        Assert.Equal(403, (await anonymous.APIRequest.GetAsync(file)).Status);
        Assert.Equal(403, (await anonymous.APIRequest.GetAsync("/api/panels/operations-runs.csv")).Status);
        await anonymous.GotoAsync("/ministry/operations");
        Assert.Contains("/signin", anonymous.Url);
        Assert.Contains("403 scope violation: role planner_ats asked for research extracts", app.AppLog());
    }

    private static async Task AssertMarkedBad(ILocator cell)
    {
        Assert.Contains("ops-bad", await cell.GetAttributeAsync("class") ?? "");
        Assert.Equal(BadRed, await cell.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Contains("✖", await cell.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
    }

    private static string CsvCell(string s) => s.IndexOfAny([',', '"']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss");

    private sealed record JobRow(string Name, string Status, DateTime FinishedAt, long? Rows, string? Message);

    private List<JobRow> JobRows()
    {
        using var c = new DuckDBConnection($"Data Source={Path.Combine(app.DataDir, "jobs.duckdb")};ACCESS_MODE=READ_ONLY");
        c.Open();
        return Expected.Rows(c, "select job_name, status, finished_at, rows, message from job_runs")
            .Select(r => new JobRow((string)r["job_name"]!, (string)r["status"]!, (DateTime)r["finished_at"]!, r["rows"] as long?, r["message"] as string))
            .ToList();
    }
}
