using DuckDB.NET.Data;
using Monitoring.Tests.Warehouse.Support;
using Monitoring.Warehouse.StarSchema;
using static Monitoring.Tests.Warehouse.Support.HandFixture;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>
/// The data-quality indicators of the catalogue on the hand fixture plus two recording faults added here: case c8
/// (ATS-01-002, no case manager, no event, opened 2025-01-02, never closed) and event e28 of case c7 dated 2025-02-10,
/// ten days after c7 was closed. Expected numbers are counted by hand from the fixture rows (see each comment).
/// </summary>
public sealed class DataQualityIndicatorTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly DuckDBConnection _c;

    public DataQualityIndicatorTests()
    {
        _c = Open(_dir["warehouse.duckdb"]);
        Db.Exec(_c, """
            insert into stg_cases values ('c8', 'hh5', 'ATS-01-002', null, '2025-01-02', null, null);
            insert into stg_case_events values ('e28', 'c7', 'monitoring_meeting', '2025-02-10', null, null, '2025-02');
            create table quarantine_by_ats as select * from (values ('ATS-01-001', 100, 3), ('ATS-01-002', 50, 0)) as t(ats_code, "read", quarantined);
            """);
        AllModels.Build(_c);
    }

    [Fact]
    public void Open_cases_with_no_event_in_90_days()
    {
        // Only from April are cases 90 days old. A2 in April: c4 (events 04-10) and c8 (none) → 1/2; May the same.
        IndicatorAssert.Ratios(_c, "dq_stale_open_cases", "ats", A2, [0, 0, 0, 1, 1], [0, 0, 0, 2, 2]);
        // A1: c1 only (event 04-10 within 90 days of April and May ends).
        IndicatorAssert.Ratios(_c, "dq_stale_open_cases", "ats", A1, [0, 0, 0, 0, 0], [0, 0, 0, 1, 1]);
        // B1: c6 open on 04-30 (closed 05-10), events on 02-01 within 90 days of 04-30.
        IndicatorAssert.Ratios(_c, "dq_stale_open_cases", "national", "IT", [0, 0, 0, 1, 1], [0, 0, 0, 4, 3]);
    }

    [Fact]
    public void Cases_with_no_case_manager_after_30_days()
    {
        // c8 (A2) and c6 (B1) have no case manager; each counts once it is 30 days old and while open.
        IndicatorAssert.Ratios(_c, "dq_unassigned_after_30_days", "ats", A2, [0, 1, 1, 1, 1], [0, 2, 2, 2, 2]);
        IndicatorAssert.Ratios(_c, "dq_unassigned_after_30_days", "ats", B1, [0, 1, 1, 1, 0], [0, 1, 1, 1, 0]);
        IndicatorAssert.Ratios(_c, "dq_unassigned_after_30_days", "ats", A1, [0, 0, 0, 0, 0], [0, 2, 2, 1, 1]);
        IndicatorAssert.Ratios(_c, "dq_unassigned_after_30_days", "region", "01", [0, 1, 1, 1, 1], [0, 4, 4, 3, 3]);
    }

    [Fact]
    public void Events_dated_after_their_case_closed()
    {
        // February in A2: e16, e17, e18 of c4 and e28 of c7 (closed 01-31) → 1/4. A 'closed' event on the closure day is not after it.
        IndicatorAssert.Ratios(_c, "dq_events_after_closure", "ats", A2, [0, 1, 0, 0, 0], [0, 4, 0, 4, 1]);
        IndicatorAssert.Ratios(_c, "dq_events_after_closure", "national", "IT", [0, 1, 0, 0, 0], [4, 13, 2, 7, 2]);
    }

    [Fact]
    public void Case_managers_with_no_event_in_the_month()
    {
        // A1: op_a1a silent only in May. A2: op_a2a silent in January and March; op_a2c (31 May only) silent in May.
        IndicatorAssert.Ratios(_c, "dq_case_managers_without_events", "ats", A1, [0, 0, 0, 0, 1], [1, 2, 2, 1, 1]);
        IndicatorAssert.Ratios(_c, "dq_case_managers_without_events", "ats", A2, [1, 0, 1, 0, 1], [1, 1, 1, 1, 2]);
        IndicatorAssert.Ratios(_c, "dq_case_managers_without_events", "national", "IT", [1, 0, 1, 0, 2], [2, 3, 3, 2, 3]);
    }

    [Fact]
    public void Export_timeliness_is_the_days_from_reference_date_to_load_on_the_reference_month()
    {
        // Reference date 2025-05-15, loaded (built) today → the days between, for every territory, only in May.
        var days = (DateTime.UtcNow.Date - new DateTime(2025, 5, 15)).Days;
        foreach (var (level, code) in new[] { ("ats", A1), ("ats", B1), ("region", "02"), ("national", "IT") })
            IndicatorAssert.Cell(_c, "dq_export_timeliness_days", level, code, "2025-05", days, null, days);
        IndicatorAssert.NoRow(_c, "dq_export_timeliness_days", "ats", A1, "2025-04");
        Assert.Equal(6L, Db.Count(_c, "select count(*) from indicator_catalogue where family = 'data_quality' and dq_max is not null and flag_method = 'none'"));
        Assert.Equal(0L, Db.Count(_c, "select count(*) from flags where indicator_id like 'dq_%'"));
    }

    [Fact]
    public void Quarantine_rate_of_the_rows_placed_in_each_ats_on_the_reference_month()
    {
        // The load placed 100 rows in A1 (3 quarantined), 50 in A2 (none), none in B1.
        IndicatorAssert.Cell(_c, "dq_quarantine_rate", "ats", A1, "2025-05", 3, 100, 0.03);
        IndicatorAssert.Cell(_c, "dq_quarantine_rate", "ats", A2, "2025-05", 0, 50, 0);
        IndicatorAssert.Cell(_c, "dq_quarantine_rate", "ats", B1, "2025-05", 0, 0, null);
        IndicatorAssert.Cell(_c, "dq_quarantine_rate", "national", "IT", "2025-05", 3, 150, 0.02);
        IndicatorAssert.NoRow(_c, "dq_quarantine_rate", "ats", A1, "2025-04");
    }

    public void Dispose()
    {
        _c.Dispose();
        _dir.Dispose();
    }
}
