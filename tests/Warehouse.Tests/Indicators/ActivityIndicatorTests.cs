using Monitoring.Tests.Warehouse.Support;
using static Monitoring.Tests.Warehouse.Support.HandFixture;
using static Monitoring.Tests.Warehouse.Support.IndicatorAssert;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>Activity indicators on the hand fixture.</summary>
public sealed class ActivityIndicatorTests(BuiltHandWarehouse warehouse) : IClassFixture<BuiltHandWarehouse>
{
    private readonly DuckDB.NET.Data.DuckDBConnection _c = warehouse.Connection;

    [Fact]
    public void Cases_processed_counts_distinct_cases_with_a_processing_event()
    {
        // Processing events: c1 Feb/Mar/Apr, c2 Feb/Mar/Apr, c4 Feb/Apr/May, c6 Feb. Convocations,
        // meetings and closures do not count.
        Counts(_c, "cases_processed", "ats", A1, 0, 2, 2, 2, 0);
        Counts(_c, "cases_processed", "ats", A2, 0, 1, 0, 1, 1);
        Counts(_c, "cases_processed", "ats", B1, 0, 1, 0, 0, 0);
        Counts(_c, "cases_processed", "region", "01", 0, 3, 2, 3, 1);
        Counts(_c, "cases_processed", "national", "IT", 0, 4, 2, 3, 1);
    }

    [Fact]
    public void Cases_processed_at_case_manager_level_goes_to_the_events_operator()
    {
        // op_a1a: Feb e05 (c1) + e10 (c2, no operator -> the case's manager); Mar e06; Apr e12.
        Counts(_c, "cases_processed", "case_manager", "op_a1a", 0, 2, 1, 1, 0);
        // op_a1b: Mar e11 (c2); Apr e07 (c1) although no longer active in Apr.
        Cell(_c, "cases_processed", "case_manager", "op_a1b", "2025-02", 0, null, 0);
        Cell(_c, "cases_processed", "case_manager", "op_a1b", "2025-03", 1, null, 1);
        Cell(_c, "cases_processed", "case_manager", "op_a1b", "2025-04", 1, null, 1);
        Counts(_c, "cases_processed", "case_manager", "op_a2a", 0, 1, 0, 1, 1);
    }

    [Fact]
    public void Cases_processed_per_case_manager()
    {
        Ratios(_c, "cases_processed_per_case_manager", "ats", A1, [0, 2, 2, 2, 0], [1, 2, 2, 1, 1]);
        Ratios(_c, "cases_processed_per_case_manager", "ats", A2, [0, 1, 0, 1, 1], [1, 1, 1, 1, 2]);
        Ratios(_c, "cases_processed_per_case_manager", "ats", B1, [0, 1, 0, 0, 0], [0, 0, 0, 0, 0]);
        Ratios(_c, "cases_processed_per_case_manager", "national", "IT", [0, 4, 2, 3, 1], [2, 3, 3, 2, 3]);
    }

    [Fact]
    public void Convocation_within_30_days_with_boundary_and_censored_months()
    {
        // Opened in Jan: c1 (15 days), c2 (36), c4 (exactly 30), c6 (2), c7 (none). Feb: c3 (5). Mar: c5 (31).
        Cell(_c, "convocation_within_30_days", "ats", A1, "2025-01", 1, 2, 0.5);
        Cell(_c, "convocation_within_30_days", "ats", A1, "2025-02", 1, 1, 1);
        Cell(_c, "convocation_within_30_days", "ats", A1, "2025-03", 0, 0, null);
        Cell(_c, "convocation_within_30_days", "ats", A2, "2025-01", 1, 2, 0.5);
        Cell(_c, "convocation_within_30_days", "ats", A2, "2025-03", 0, 1, 0);
        Cell(_c, "convocation_within_30_days", "ats", B1, "2025-01", 1, 1, 1);
        Cell(_c, "convocation_within_30_days", "national", "IT", "2025-01", 3, 5, 0.6);
        Cell(_c, "convocation_within_30_days", "national", "IT", "2025-02", 1, 1, 1);
        Cell(_c, "convocation_within_30_days", "national", "IT", "2025-03", 0, 1, 0);
        // 30 Apr + 30 days = 30 May > 15 May: April and May are censored, no row at all.
        foreach (var territory in new[] { ("ats", A1), ("ats", B1), ("region", "01"), ("national", "IT") })
        {
            NoRow(_c, "convocation_within_30_days", territory.Item1, territory.Item2, "2025-04");
            NoRow(_c, "convocation_within_30_days", territory.Item1, territory.Item2, "2025-05");
        }
    }

    [Fact]
    public void Median_days_to_first_meeting_per_level()
    {
        // First held meetings: c1 3 Feb (29 days; the 25 Jan no-show does not count), c2 25 Feb (41),
        // c4 14 Feb (35), c6 1 Feb (12), c5 8 Apr (34).
        Cell(_c, "median_days_to_first_meeting", "ats", A1, "2025-02", 35, 2, 35);
        Cell(_c, "median_days_to_first_meeting", "ats", A2, "2025-02", 35, 1, 35);
        Cell(_c, "median_days_to_first_meeting", "ats", A2, "2025-04", 34, 1, 34);
        Cell(_c, "median_days_to_first_meeting", "ats", B1, "2025-02", 12, 1, 12);
        Cell(_c, "median_days_to_first_meeting", "region", "01", "2025-02", 35, 3, 35);
        // median of 12, 29, 35, 41 = (29 + 35) / 2
        Cell(_c, "median_days_to_first_meeting", "national", "IT", "2025-02", 32, 4, 32);
        Cell(_c, "median_days_to_first_meeting", "national", "IT", "2025-01", null, 0, null);
        Cell(_c, "median_days_to_first_meeting", "ats", A1, "2025-01", null, 0, null);
    }
}
