using Monitoring.Tests.Warehouse.Support;
using static Monitoring.Tests.Warehouse.Support.HandFixture;
using static Monitoring.Tests.Warehouse.Support.IndicatorAssert;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>The benefit pillar (indicators-v1.md § The benefit pillar, version 1.1) on the hand fixture. A household's
/// ATS in m is the one holding its municipality on end(m): hh1 001001 → A1; hh2 001002 → A1 until February, A2 from
/// March; hh3 and hh5 001003 → A2; hh4 002001 → B1.</summary>
public sealed class BenefitPillarIndicatorTests(BuiltHandWarehouse warehouse) : IClassFixture<BuiltHandWarehouse>
{
    private readonly DuckDB.NET.Data.DuckDBConnection _c = warehouse.Connection;

    [Fact]
    public void Applications_received_by_application_month()
    {
        // January: hh1 (3rd), hh4 (15th), hh2 (20th); February: hh3 (1st), hh5 (10th).
        Counts(_c, "applications_received", "national", "IT", 3, 2, 0, 0, 0);
        Counts(_c, "applications_received", "ats", A1, 2, 0, 0, 0, 0);
        Counts(_c, "applications_received", "ats", A2, 0, 2, 0, 0, 0);
        Counts(_c, "applications_received", "ats", B1, 1, 0, 0, 0, 0);
        Counts(_c, "applications_received", "region", "01", 2, 2, 0, 0, 0);
    }

    [Fact]
    public void Applications_rejected_rate_has_the_applications_as_denominator()
    {
        // Nobody is rejected in the fixture: 0 / applications, null where there were none.
        Ratios(_c, "applications_rejected_rate", "national", "IT", [0, 0, 0, 0, 0], [3, 2, 0, 0, 0]);
    }

    [Fact]
    public void Benefit_started_and_ended()
    {
        // Starts: hh1 15 Jan (A1), hh4 20 Jan (B1), hh2 1 Feb (001002 still A1), hh3 15 Feb (A2); hh5 has none. No end dates.
        Counts(_c, "benefit_started", "national", "IT", 2, 2, 0, 0, 0);
        Counts(_c, "benefit_started", "ats", A1, 1, 1, 0, 0, 0);
        Counts(_c, "benefit_started", "ats", A2, 0, 1, 0, 0, 0);
        Counts(_c, "benefit_ended", "national", "IT", 0, 0, 0, 0, 0);
    }

    [Fact]
    public void Median_days_application_to_benefit_over_the_starts_of_the_month()
    {
        // January: hh1 12 days, hh4 5 days → 8.5 over 2; February: hh2 12, hh3 14 → 13 over 2; later: none.
        Cell(_c, "median_days_application_to_benefit", "national", "IT", "2025-01", 8.5, 2, 8.5);
        Cell(_c, "median_days_application_to_benefit", "national", "IT", "2025-02", 13, 2, 13);
        Cell(_c, "median_days_application_to_benefit", "national", "IT", "2025-03", null, 0, null);
        Cell(_c, "median_days_application_to_benefit", "ats", A1, "2025-02", 12, 1, 12);
    }

    [Fact]
    public void Benefit_within_30_days_counts_the_applications_not_rejected_and_censors_late_months()
    {
        // January: hh1, hh2, hh4 all started within 30 days → 3/3; February: hh3 (14 days) yes, hh5 (applied, no
        // start) no → 1/2; March: none. April: 30 April + 30 days is after the reference date 15 May: no row.
        Ratios(_c, "benefit_within_30_days", "national", "IT", [3, 1, 0], [3, 2, 0]);
        NoRow(_c, "benefit_within_30_days", "national", "IT", "2025-04");
    }

    [Fact]
    public void Households_paid_per_1000_residents_uses_the_territory_population_of_the_month()
    {
        // Nation: 6,500 residents every month; paid 3, 3, 2, 1, 0.
        Ratios(_c, "households_paid_per_1000_residents", "national", "IT", [3, 3, 2, 1, 0], [6500, 6500, 6500, 6500, 6500], scale: 1000);
        // A1: 001001 (1,000) + 001002 (2,000) until February, 001001 alone from March; paid 2, 2, 1, 0, 0.
        Ratios(_c, "households_paid_per_1000_residents", "ats", A1, [2, 2, 1, 0, 0], [3000, 3000, 1000, 1000, 1000], scale: 1000);
    }
}
