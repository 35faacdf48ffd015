using Monitoring.Tests.Warehouse.Support;
using static Monitoring.Tests.Warehouse.Support.HandFixture;
using static Monitoring.Tests.Warehouse.Support.IndicatorAssert;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>Input indicators on the hand fixture (months Jan..May 2025).</summary>
public sealed class InputIndicatorTests(BuiltHandWarehouse warehouse) : IClassFixture<BuiltHandWarehouse>
{
    private readonly DuckDB.NET.Data.DuckDBConnection _c = warehouse.Connection;

    [Fact]
    public void Case_managers_active_counts_partial_months_and_ignores_coordinators_and_leavers()
    {
        // A1: op_a1a every month; op_a1b from 15 Feb to 10 Mar -> active in Feb and Mar.
        Counts(_c, "case_managers_active", "ats", A1, 1, 2, 2, 1, 1);
        // A2: op_a2a every month; op_a2b left 2024-12-31; op_a2c starts on 31 May; the coordinator never counts.
        Counts(_c, "case_managers_active", "ats", A2, 1, 1, 1, 1, 2);
        Counts(_c, "case_managers_active", "ats", B1, 0, 0, 0, 0, 0);
        Counts(_c, "case_managers_active", "region", "01", 2, 3, 3, 2, 3);
        Counts(_c, "case_managers_active", "region", "02", 0, 0, 0, 0, 0);
        Counts(_c, "case_managers_active", "national", "IT", 2, 3, 3, 2, 3);
    }

    [Fact]
    public void Case_manager_fte_counts_null_hours_as_one()
    {
        // A1: 36/36 = 1, plus 18/36 = 0.5 in Feb and Mar.
        Counts(_c, "case_manager_fte", "ats", A1, 1, 1.5, 1.5, 1, 1);
        // A2: null hours = 1.0; op_a2c 24/36 = 2/3 in May.
        Counts(_c, "case_manager_fte", "ats", A2, 1, 1, 1, 1, 1 + 24.0 / 36);
        Counts(_c, "case_manager_fte", "national", "IT", 2, 2.5, 2.5, 2, 2 + 24.0 / 36);
    }

    [Fact]
    public void Open_cases_per_case_manager_uses_open_on_month_end_and_keeps_numerator_without_case_manager()
    {
        // Open on end(m): c1 always; c2 until it closes 30 Apr (not open on 30 Apr); c3 closes 28 Feb
        // (never open on a month end); c4 always; c5 opened 5 Mar, closed 30 Apr; c6 (B1) closes 10 May;
        // c7 opened and closed on 31 Jan (not open that day).
        Ratios(_c, "open_cases_per_case_manager", "ats", A1, [2, 2, 2, 1, 1], [1, 2, 2, 1, 1]);
        Ratios(_c, "open_cases_per_case_manager", "ats", A2, [1, 1, 2, 1, 1], [1, 1, 1, 1, 2]);
        // B1 has no case manager: null value, numerator kept, denominator 0.
        Ratios(_c, "open_cases_per_case_manager", "ats", B1, [1, 1, 1, 1, 0], [0, 0, 0, 0, 0]);
        Ratios(_c, "open_cases_per_case_manager", "region", "01", [3, 3, 4, 2, 2], [2, 3, 3, 2, 3]);
        Ratios(_c, "open_cases_per_case_manager", "national", "IT", [4, 4, 5, 3, 2], [2, 3, 3, 2, 3]);
    }

    [Fact]
    public void Open_cases_at_case_manager_level()
    {
        Counts(_c, "open_cases", "case_manager", "op_a1a", 2, 2, 2, 1, 1);
        Counts(_c, "open_cases", "case_manager", "op_a2a", 1, 1, 2, 1, 1);
        // op_a1b is active in Feb and Mar only; its one case closed on 28 Feb, so 0 on both month ends.
        Cell(_c, "open_cases", "case_manager", "op_a1b", "2025-02", 0, null, 0);
        Cell(_c, "open_cases", "case_manager", "op_a1b", "2025-03", 0, null, 0);
        NoRow(_c, "open_cases", "case_manager", "op_a1b", "2025-01");
        Cell(_c, "open_cases", "case_manager", "op_a2c", "2025-05", 0, null, 0);
        NoRow(_c, "open_cases", "case_manager", "op_a2b", "2025-01");
        NoRow(_c, "open_cases", "case_manager", "coord_a2", "2025-01");
        Counts(_c, "open_cases", "national", "IT", 4, 4, 5, 3, 2);
    }

    [Fact]
    public void Residents_per_case_manager_follows_the_dated_membership()
    {
        // 001002 (2,000 residents) belongs to A1 on 31 Jan and 28 Feb, to A2 from 31 Mar.
        Ratios(_c, "residents_per_case_manager", "ats", A1, [3000, 3000, 1000, 1000, 1000], [1, 2, 2, 1, 1]);
        Ratios(_c, "residents_per_case_manager", "ats", A2, [3000, 3000, 5000, 5000, 5000], [1, 1, 1, 1, 2]);
        Ratios(_c, "residents_per_case_manager", "ats", B1, [500, 500, 500, 500, 500], [0, 0, 0, 0, 0]);
        Ratios(_c, "residents_per_case_manager", "national", "IT", [6500, 6500, 6500, 6500, 6500], [2, 3, 3, 2, 3]);
    }

    [Fact]
    public void Budget_spend_rate_is_the_year_figure_on_every_month_of_the_year()
    {
        // A1 2025: spent 250 + null / allocated 1000 + 1000; A2 2025: 500/500 (its 2024 line is out of range).
        Ratios(_c, "budget_spend_rate", "ats", A1, [250, 250, 250, 250, 250], [2000, 2000, 2000, 2000, 2000]);
        Ratios(_c, "budget_spend_rate", "ats", A2, [500, 500, 500, 500, 500], [500, 500, 500, 500, 500]);
        Ratios(_c, "budget_spend_rate", "ats", B1, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]);
        Ratios(_c, "budget_spend_rate", "national", "IT", [750, 750, 750, 750, 750], [2500, 2500, 2500, 2500, 2500]);
    }
}
