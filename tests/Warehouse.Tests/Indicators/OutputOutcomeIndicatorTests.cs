using Monitoring.Tests.Warehouse.Support;
using static Monitoring.Tests.Warehouse.Support.HandFixture;
using static Monitoring.Tests.Warehouse.Support.IndicatorAssert;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>Output and outcome indicators on the hand fixture.</summary>
public sealed class OutputOutcomeIndicatorTests(BuiltHandWarehouse warehouse) : IClassFixture<BuiltHandWarehouse>
{
    private readonly DuckDB.NET.Data.DuckDBConnection _c = warehouse.Connection;

    [Fact]
    public void Households_paid_follows_the_household_municipality_move()
    {
        // hh2 lives in 001002: A1 in Jan-Feb, A2 from Mar.
        Counts(_c, "households_paid", "ats", A1, 2, 2, 1, 0, 0);
        Counts(_c, "households_paid", "ats", A2, 0, 1, 1, 1, 0);
        Counts(_c, "households_paid", "ats", B1, 1, 0, 0, 0, 0);
        Counts(_c, "households_paid", "region", "02", 1, 0, 0, 0, 0);
        Counts(_c, "households_paid", "national", "IT", 3, 3, 2, 1, 0);
    }

    [Fact]
    public void Average_payment_eur()
    {
        Ratios(_c, "average_payment_eur", "ats", A1, [300, 300, 120, 0, 0], [2, 2, 1, 0, 0]);
        Ratios(_c, "average_payment_eur", "ats", A2, [0, 300, 200, 200, 0], [0, 1, 1, 1, 0]);
        Ratios(_c, "average_payment_eur", "national", "IT", [350, 600, 320, 200, 0], [3, 3, 2, 1, 0]);
    }

    [Fact]
    public void Plan_within_90_days_only_for_uncensored_months()
    {
        // Jan: c1 55 days yes, c2 95 days no, c4 exactly 90 yes, c6 no plan, c7 no plan.
        Cell(_c, "plan_within_90_days", "ats", A1, "2025-01", 1, 2, 0.5);
        Cell(_c, "plan_within_90_days", "ats", A2, "2025-01", 1, 2, 0.5);
        Cell(_c, "plan_within_90_days", "ats", B1, "2025-01", 0, 1, 0);
        Cell(_c, "plan_within_90_days", "region", "01", "2025-01", 2, 4, 0.5);
        Cell(_c, "plan_within_90_days", "national", "IT", "2025-01", 2, 5, 0.4);
        // 28 Feb + 90 days = 29 May > 15 May.
        foreach (var month in Months.Skip(1))
        {
            NoRow(_c, "plan_within_90_days", "ats", A1, month);
            NoRow(_c, "plan_within_90_days", "national", "IT", month);
        }
    }

    [Fact]
    public void Referrals_served_rate_ignores_pending_outcomes()
    {
        Ratios(_c, "referrals_served_rate", "ats", A1, [0, 1, 0, 0, 0], [0, 2, 0, 0, 0]);
        // r7 is pending with an outcome date in Apr: in neither numerator nor denominator.
        Ratios(_c, "referrals_served_rate", "ats", A2, [0, 0, 1, 0, 0], [0, 0, 2, 0, 0]);
        Ratios(_c, "referrals_served_rate", "ats", B1, [0, 0, 0, 0, 1], [0, 0, 0, 0, 1]);
        Ratios(_c, "referrals_served_rate", "national", "IT", [0, 1, 1, 0, 1], [0, 2, 2, 0, 1]);
    }

    [Fact]
    public void Closed_goals_achieved_rate()
    {
        // Closures: c7 Jan other (A2), c3 Feb moved (A1), c2 Apr goals (A1), c5 Apr employment (A2), c6 May no_contact (B1).
        Ratios(_c, "closed_goals_achieved_rate", "ats", A1, [0, 0, 0, 1, 0], [0, 1, 0, 1, 0]);
        Ratios(_c, "closed_goals_achieved_rate", "ats", A2, [0, 0, 0, 1, 0], [1, 0, 0, 1, 0]);
        Ratios(_c, "closed_goals_achieved_rate", "ats", B1, [0, 0, 0, 0, 0], [0, 0, 0, 0, 1]);
        Ratios(_c, "closed_goals_achieved_rate", "national", "IT", [0, 0, 0, 2, 0], [1, 1, 0, 2, 1]);
    }
}
