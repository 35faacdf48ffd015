using Monitoring.Tests.Support;
using System.Net;
using DuckDB.NET.Data;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards.Data;

/// <summary>
/// The dashboards' precomputed marts (sql/marts/dash_*.sql) against the same figures worked out here from the
/// warehouse's own rows, and a snapshot without them (built by an earlier release) refused with a clear message.
/// </summary>
[Collection("app")]
public sealed class DashboardMartTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    [Fact]
    public void Step_medians_are_the_medians_of_each_level_own_cases()
    {
        using var db = app.Warehouse();
        var cases = Expected.Rows(db, "select ats_code, case_manager_key, days_to_convocation, days_to_first_meeting, days_to_plan from fct_cases");
        var ats = (string)cases.First(c => c["ats_code"] is not null)["ats_code"]!;
        var cm = (string)cases.First(c => c["case_manager_key"] is not null)["case_manager_key"]!;
        foreach (var (level, code, mine) in new (string, string, Func<Dictionary<string, object?>, bool>)[]
                 {
                     ("national", "IT", _ => true),
                     ("ats", ats, c => (string?)c["ats_code"] == ats),
                     ("case_manager", cm, c => (string?)c["case_manager_key"] == cm),
                 })
        {
            var stored = Expected.Rows(db, $"select * from dash_step_medians where level = '{level}' and territory_code = '{code}'").Single();
            Assert.Equal(cases.Count(mine), Convert.ToInt64(stored["cases"]));
            foreach (var step in new[] { "days_to_convocation", "days_to_first_meeting", "days_to_plan" })
            {
                var expected = Median(cases.Where(mine).Select(c => Expected.D(c[step])).OfType<double>().ToList());
                Assert.Equal(expected, Expected.D(stored["median_" + step]));
            }
        }
        // One row per ATS and per case manager with cases, plus the nation.
        var atsCount = cases.Select(c => c["ats_code"]).Where(a => a is not null).Distinct().Count();
        var cmCount = cases.Select(c => c["case_manager_key"]).Where(a => a is not null).Distinct().Count();
        Assert.Equal(1 + atsCount + cmCount, Expected.Scalar<long>(db, "select count(*) from dash_step_medians"));
    }

    [Fact]
    public void Workload_and_waiting_marts_match_the_open_cases_worked_out_here()
    {
        using var db = app.Warehouse();
        var open = Expected.Rows(db, "select ats_code, case_manager_key, case_key, last_event_type, days_since_last_event from cm_open_case_age");
        var ats = (string)open.GroupBy(o => o["ats_code"]).OrderByDescending(g => g.Count()).First().Key!;
        var mine = open.Where(o => (string?)o["ats_code"] == ats).ToList();

        var workload = Expected.Rows(db, $"select * from dash_case_manager_workload where ats_code = '{ats}'");
        Assert.Equal(mine.Select(o => o["case_manager_key"]).Distinct().Count(), workload.Count);
        foreach (var row in workload)
        {
            var theirs = mine.Where(o => Equals(o["case_manager_key"], row["case_manager_key"])).Select(o => Expected.D(o["days_since_last_event"])!.Value).ToList();
            Assert.Equal(theirs.Count, Convert.ToInt64(row["open_cases"]));
            Assert.Equal(theirs.Max(), Expected.D(row["max_days"]));
            Assert.Equal(Median(theirs), Expected.D(row["median_days"]));
        }

        // A coordinator's view: the five longest waits of each step, ties by case key.
        var expected = mine.GroupBy(o => (string?)o["last_event_type"])
            .SelectMany(g => g.OrderByDescending(o => Expected.D(o["days_since_last_event"])).ThenBy(o => (string)o["case_key"]!, StringComparer.Ordinal).Take(5))
            .Select(o => (string)o["case_key"]!).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var stored = Expected.Rows(db, $"select case_key from dash_waiting_cases where ats_code = '{ats}' and rank_in_ats <= 5")
            .Select(r => (string)r["case_key"]!).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task A_snapshot_without_a_dashboard_mart_is_refused_as_old_and_says_what_to_run()
    {
        // A copy of the snapshot in service without one dash_* mart, as a snapshot built by an earlier release would be.
        var runId = new SnapshotStore(app.DataDir).CurrentRunId()!;
        var copy = Path.Combine(app.Root, "old-snapshot");
        var snapshot = Path.Combine(copy, "snapshots", runId);
        Directory.CreateDirectory(snapshot);
        File.Copy(Path.Combine(app.DataDir, "snapshots", runId, "warehouse.duckdb"), Path.Combine(snapshot, "warehouse.duckdb"));
        File.WriteAllText(Path.Combine(copy, "CURRENT"), runId + "\n");
        using (var c = new DuckDBConnection($"Data Source={Path.Combine(snapshot, "warehouse.duckdb")}"))
        {
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = "drop table dash_case_manager_month";
            drop.ExecuteNonQuery();
        }

        // The query layer: every panel refuses it, naming the snapshot, the missing mart and the command to run.
        using (var old = new DashboardQueries(copy))
        {
            var e = Assert.Throws<OldSnapshotException>(() => old.Panel("ministry-headlines", UserScope.Ministry, new()));
            Assert.Contains(runId, e.Message);
            Assert.Contains("dash_case_manager_month", e.Message);
            Assert.DoesNotContain("dash_step_medians", e.Message);
            Assert.Contains("etl rebuild", e.Message);
        }

        // The real app on it: the public page says the snapshot must be rebuilt (503), a CSV is 503, the log says what to run.
        var baseUrl = $"http://127.0.0.1:{AppProcess.FreePort()}";
        var log = Path.Combine(Artifacts.Dir, "old-snapshot-app.log");
        using var process = AppProcess.Start(AppProcess.DashboardsDll(), copy, baseUrl, log);
        try
        {
            await AppProcess.WaitUntilServingAsync(process, baseUrl, log, expected: HttpStatusCode.ServiceUnavailable);
            using var http = new HttpClient();
            var page = await http.GetAsync(baseUrl + "/public?lang=en");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("built by an earlier release and must be rebuilt", await page.Content.ReadAsStringAsync());
            var csv = await http.GetAsync(baseUrl + "/api/panels/public-headlines.csv");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, csv.StatusCode);
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!AppProcess.ReadLog(log).Contains("etl rebuild") && DateTime.UtcNow < until) await Task.Delay(200);
            Assert.Contains($"snapshot {runId} was built by an earlier release, before the dashboard marts dash_case_manager_month", AppProcess.ReadLog(log));
        }
        finally
        {
            ChildProcess.Stop(process);
        }
    }
}
