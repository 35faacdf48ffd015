using DuckDB.NET.Data;
using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The dashboards' precomputed marts (sql/marts/dash_*.sql) against the same figures worked out here from the
/// warehouse's own rows, and the panels that read them against the same panels on a copy of the snapshot
/// without them (the fallback for snapshots built before the marts).
/// </summary>
[Collection("app")]
public sealed class DashboardMartTests(DashboardsApp app)
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
    public void Panels_are_the_same_with_and_without_the_dashboard_marts()
    {
        // A copy of the snapshot in service without the dash_* tables, as a snapshot built before them would be.
        var runId = new SnapshotStore(app.DataDir).CurrentRunId()!;
        var copy = Path.Combine(app.Root, "no-marts");
        var snapshot = Path.Combine(copy, "snapshots", runId);
        Directory.CreateDirectory(snapshot);
        File.Copy(Path.Combine(app.DataDir, "snapshots", runId, "warehouse.duckdb"), Path.Combine(snapshot, "warehouse.duckdb"));
        File.WriteAllText(Path.Combine(copy, "CURRENT"), runId + "\n");
        using (var c = new DuckDBConnection($"Data Source={Path.Combine(snapshot, "warehouse.duckdb")}"))
        {
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = "drop table dash_step_medians; drop table dash_case_manager_workload; drop table dash_waiting_cases;";
            drop.ExecuteNonQuery();
        }

        using var with = new DashboardQueries(app.DataDir);
        using var without = new DashboardQueries(copy);
        Assert.False(without.Meta.HasTable("dash_step_medians"));
        var ats = with.Meta.Ats().First(a => a.RegionCode == "15");
        var cm = with.Meta.FirstCaseManager(ats.Code)!;
        foreach (var scope in new[] { new UserScope(UserRole.Coordinator, "15", ats.Code), new UserScope(UserRole.CaseManager, "15", ats.Code, cm) })
            foreach (var panel in new[] { "casework-workload", "casework-waiting", "casework-steps" })
            {
                var a = with.Panel(panel, scope, new());
                var b = without.Panel(panel, scope, new());
                Assert.NotEmpty(a.Rows);
                Assert.Equal(b.Columns.Select(c => c.Key), a.Columns.Select(c => c.Key));
                Assert.Equal(b.Rows.Select(r => string.Join("|", r)), a.Rows.Select(r => string.Join("|", r)));
            }
    }
}
