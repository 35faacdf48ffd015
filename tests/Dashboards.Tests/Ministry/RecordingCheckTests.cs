using Monitoring.Dashboards.Queries;

namespace Monitoring.Tests.Dashboards.Ministry;

/// <summary>The data-quality indicators beside every flag of the ministry's list, checked against the warehouse by SQL.</summary>
[Collection("app")]
public sealed class RecordingCheckTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    [Fact]
    public void Every_flag_shows_its_ats_data_quality_out_of_range_and_activity_flags_are_marked_check_recording_first()
    {
        using var db = app.Warehouse();
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        var expected = Expected.Rows(db, $"""
            select f.indicator_id, f.ats_code,
                   coalesce(string_agg(v.indicator_id, ';' order by v.indicator_id), '') as out_of_range,
                   k.logframe_level = 'activity' and count(*) filter (where c.logframe_level = 'activity') > 0 as check_first
            from flags as f
            join indicator_catalogue as k on k.indicator_id = f.indicator_id
            left join indicator_values as v on v.level = 'ats' and v.territory_code = f.ats_code and v.month = f.month
                 and v.indicator_id in (select indicator_id from indicator_catalogue where family = 'data_quality')
                 and v.value > (select dq_max from indicator_catalogue where indicator_id = v.indicator_id)
            left join indicator_catalogue as c on c.indicator_id = v.indicator_id
            where f.month = '{month}' and f.severity in ('warning', 'alarm')
            group by f.indicator_id, f.ats_code, k.logframe_level
            """).ToDictionary(r => ((string)r["indicator_id"]!, (string)r["ats_code"]!));
        Assert.NotEmpty(expected);

        using var q = new DashboardQueries(app.DataDir);
        var grid = q.Panel("ministry-flags", UserScope.Ministry, new() { Month = month, Lang = "en" });
        Assert.Equal(expected.Count, grid.Rows.Count);
        var anyFinding = false;
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var e = expected[((string)grid.Rows[r][0]!, (string)grid.Rows[r][grid.ColumnIndex("ats")]!)];
            var shown = grid.Text(r, "data_quality");
            var ids = shown.Length == 0 ? "" : string.Join(';', shown.Split("; ").Select(s => s.Split(' ')[0]));
            Assert.Equal((string)e["out_of_range"]!, ids);
            anyFinding |= ids.Length > 0;
            Assert.Equal((bool)e["check_first"]! ? "check recording first" : "", grid.Text(r, "check_recording"));
        }
        Assert.True(anyFinding, "no flag of the month has a data-quality finding: the test would prove nothing");
    }
}
