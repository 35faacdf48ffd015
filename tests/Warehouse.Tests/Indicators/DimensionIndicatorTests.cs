using Monitoring.Tests.Warehouse.Support;
using Monitoring.Warehouse.Indicators;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>
/// Indicators by the members of a dimension (indicators-v1.md § Dimensions, version 1.1) on the hand fixture: each
/// expected member worked out by hand from the households' rows (hh1 F 1980 IT, 3 members, 1 minor, ISEE 5,000;
/// hh2 M 1950 IT, 2 members, 1 over 60, ISEE 3,000; hh3, hh4, hh5 no applicant row; hh4 4 members, 2 minors, ISEE
/// 1,000), and the members of every dimension adding up to the total.
/// </summary>
public sealed class DimensionIndicatorTests(BuiltHandWarehouse warehouse) : IClassFixture<BuiltHandWarehouse>
{
    private readonly DuckDB.NET.Data.DuckDBConnection _c = warehouse.Connection;

    [Theory]
    // January's households paid: hh1, hh2, hh4.
    [InlineData("with_minors", "yes", 2)]          // hh1, hh4
    [InlineData("with_minors", "no", 1)]           // hh2
    [InlineData("with_over_60", "yes", 1)]         // hh2
    [InlineData("with_disabled", "no", 3)]
    [InlineData("applicant_sex", "F", 1)]          // hh1
    [InlineData("applicant_sex", "M", 1)]          // hh2
    [InlineData("applicant_sex", "unknown", 1)]    // hh4: no applicant passed validation
    [InlineData("applicant_age", "30-49", 1)]      // hh1: 2025 − 1980 = 45
    [InlineData("applicant_age", "65+", 1)]        // hh2: 75
    [InlineData("applicant_age", "<30", 0)]        // a member with no household is still on the grid, zero
    [InlineData("applicant_age", "unknown", 1)]    // hh4
    [InlineData("applicant_citizenship", "IT", 2)]
    [InlineData("isee_band", "3000-5999", 2)]      // 5,000 and 3,000 (bounds inclusive below)
    [InlineData("isee_band", "<3000", 1)]          // 1,000
    [InlineData("isee_band", ">9360", 0)]
    [InlineData("household_size", "3-4", 2)]       // 3 and 4 members
    [InlineData("household_size", "2", 1)]
    [InlineData("household_size", "1", 0)]
    [InlineData("measure", "ADI", 3)]
    [InlineData("measure", "RDC", 0)]
    [InlineData("pathway", "social_services", 3)]
    [InlineData("pathway", "none", 0)]
    public void Households_paid_in_January_by_member(string dimension, string member, double expected) =>
        MemberCell("households_paid", dimension, member, "national", "IT", "2025-01", expected, null, expected);

    [Fact]
    public void Indicators_sharing_one_pass_keep_their_own_measures()
    {
        // households_paid and average_payment_eur are summed in one pass over the payments (ModelPass): each must
        // still get its own numerator. January: hh1 F 100, hh2 M 200, hh4 (no applicant) 50.
        MemberCell("households_paid", "applicant_sex", "F", "national", "IT", "2025-01", 1, null, 1);
        MemberCell("average_payment_eur", "applicant_sex", "F", "national", "IT", "2025-01", 100, 1, 100);
        MemberCell("average_payment_eur", "applicant_sex", "M", "national", "IT", "2025-01", 200, 1, 200);
        MemberCell("average_payment_eur", "applicant_sex", "unknown", "national", "IT", "2025-01", 50, 1, 50);
        MemberCell("average_payment_eur", "household_size", "3-4", "national", "IT", "2025-01", 150, 2, 75); // hh1 + hh4
        var passes = ModelPass.Of(IndicatorCatalogue.Load().Indicators, IndicatorCatalogue.Load());
        Assert.Contains(passes, p => p.Indicators.Select(i => i.Id).SequenceEqual(["households_paid", "average_payment_eur"]));
        Assert.DoesNotContain(passes, p => p.Indicators.Count > 1 && p.Indicators.Any(i => i.Kind == "median"));
    }

    [Fact]
    public void A_ratio_splits_its_numerator_and_denominator()
    {
        // Cases opened in January: c1 (hh1, convoked in 15 days), c2 (hh2, 36 days), c4 (hh3, 30 days), c6 (hh4, 2 days),
        // c7 (hh5, never): total 3/5; F 1/1, M 0/1, unknown 2/3.
        MemberCell("convocation_within_30_days", "applicant_sex", "F", "national", "IT", "2025-01", 1, 1, 1.0);
        MemberCell("convocation_within_30_days", "applicant_sex", "M", "national", "IT", "2025-01", 0, 1, 0.0);
        MemberCell("convocation_within_30_days", "applicant_sex", "unknown", "national", "IT", "2025-01", 2, 3, 2.0 / 3);
        // B1 only has hh4's case c6: F has an empty denominator there, so no value.
        MemberCell("convocation_within_30_days", "applicant_sex", "F", "ats", HandFixture.B1, "2025-01", 0, 0, null);
    }

    [Fact]
    public void A_median_is_taken_over_the_member_cases()
    {
        // First held meetings in February: c1 29 days (hh1 F), c2 41 (hh2 M), c4 35 (hh3), c6 12 (hh4).
        MemberCell("median_days_to_first_meeting", "applicant_sex", "unknown", "national", "IT", "2025-02", 23.5, 2, 23.5);
        MemberCell("median_days_to_first_meeting", "applicant_sex", "M", "national", "IT", "2025-02", 41, 1, 41);
        MemberCell("median_days_to_first_meeting", "applicant_sex", "F", "national", "IT", "2025-03", null, 0, null);
    }

    [Fact]
    public void Members_add_up_to_the_total_for_every_indicator_dimension_territory_and_month()
    {
        // Counts and ratios: numerators (and denominators) add up; medians: the cases they are taken over add up.
        var mismatches = Db.Rows(_c, """
            with sums as (
                select indicator_id, dimension, level, territory_code, month,
                       sum(numerator) as n, sum(denominator) as d
                from indicator_member_values
                group by all)
            select s.indicator_id, s.dimension, s.level, s.territory_code, s.month, s.n, t.numerator, s.d, t.denominator
            from sums as s
            join indicator_values as t using (indicator_id, level, territory_code, month)
            join indicator_catalogue as c using (indicator_id)
            where (c.kind <> 'median' and abs(s.n - t.numerator) > 1e-9)
               or (c.kind <> 'count' and abs(s.d - t.denominator) > 1e-9)
            """);
        Assert.Empty(mismatches);
        Assert.True(Db.Count(_c, "select count(*) from indicator_member_values where numerator > 0") > 100);
    }

    [Fact]
    public void Every_member_of_every_dimension_is_on_the_grid_and_no_other()
    {
        var catalogue = IndicatorCatalogue.Load();
        foreach (var indicator in catalogue.Indicators)
        {
            var totals = Db.Count(_c, $"select count(*) from indicator_values where indicator_id = '{indicator.Id}' and level <> 'case_manager'");
            foreach (var dimension in catalogue.DimensionsOf(indicator))
            {
                var members = Db.Rows(_c, $"""
                    select member, count(*) from indicator_member_values
                    where indicator_id = '{indicator.Id}' and dimension = '{dimension.Id}' group by all
                    """).ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1]));
                Assert.Equal(dimension.Members.Order(), members.Keys.Order());
                Assert.All(members.Values, count => Assert.Equal(totals, count));
            }
            if (catalogue.DimensionsOf(indicator).Count == 0)
                Assert.Equal(0L, Db.Count(_c, $"select count(*) from indicator_member_values where indicator_id = '{indicator.Id}'"));
        }
    }

    [Fact]
    public void Operator_based_indicators_have_no_household_dimension()
    {
        // indicators-v1.md: staffing, the per-case-manager ratios and the budget have none.
        var withMembers = Db.Rows(_c, "select distinct indicator_id from indicator_member_values").Select(r => (string)r[0]!).ToHashSet();
        Assert.DoesNotContain("case_managers_active", withMembers);
        Assert.DoesNotContain("residents_per_case_manager", withMembers);
        Assert.DoesNotContain("cases_processed_per_case_manager", withMembers);
        Assert.DoesNotContain("budget_spend_rate", withMembers);
        Assert.Contains("households_paid", withMembers);
        Assert.Contains("applications_received", withMembers);
    }

    private void MemberCell(string indicator, string dimension, string member, string level, string territory, string month,
        double? numerator, double? denominator, double? value)
    {
        var rows = Db.Rows(_c, $"""
            select numerator, denominator, value from indicator_member_values
            where indicator_id = '{indicator}' and dimension = '{dimension}' and member = '{member}'
              and level = '{level}' and territory_code = '{territory}' and month = '{month}'
            """);
        var row = Assert.Single(rows);
        Close(numerator, row[0], $"{indicator} {dimension}={member} numerator");
        Close(denominator, row[1], $"{indicator} {dimension}={member} denominator");
        Close(value, row[2], $"{indicator} {dimension}={member} value");
    }

    private static void Close(double? expected, object? actual, string what)
    {
        if (expected is null) { Assert.True(actual is null, $"{what}: expected null, got {actual}"); return; }
        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        Assert.True(Math.Abs(expected.Value - Convert.ToDouble(actual)) < 1e-9, $"{what}: expected {expected}, got {actual}");
    }
}
