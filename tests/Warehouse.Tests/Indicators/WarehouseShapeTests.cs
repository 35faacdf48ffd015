using Monitoring.Tests.Warehouse.Support;
using static Monitoring.Tests.Warehouse.Support.HandFixture;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>Properties that hold for every indicator: coverage, ratios of sums, the catalogue table, case ages.</summary>
public sealed class WarehouseShapeTests(BuiltHandWarehouse warehouse) : IClassFixture<BuiltHandWarehouse>
{
    private readonly DuckDB.NET.Data.DuckDBConnection _c = warehouse.Connection;

    [Fact]
    public void Every_territory_has_every_month_except_censored_months()
    {
        // 3 ATS + 2 regions + 1 nation = 6 territories; 5 months; 30-day indicator: 3 months; 90-day: 1.
        var rows = Db.Rows(_c, """
            select indicator_id, count(*) from indicator_values where level <> 'case_manager' group by all order by 1
            """).ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1]));
        Assert.Equal(Db.Count(_c, "select count(*) from indicator_catalogue"), rows.Count);
        foreach (var (indicator, count) in rows)
        {
            // Export timeliness and quarantine rate have a row only on the reference month (6 territories).
            var expected = indicator switch
            {
                "convocation_within_30_days" or "benefit_within_30_days" => 18, "plan_within_90_days" => 6,
                "dq_export_timeliness_days" or "dq_quarantine_rate" => 6, _ => 30,
            };
            Assert.True(expected == count, $"{indicator}: {count} rows, expected {expected}");
        }
    }

    [Fact]
    public void National_and_regional_values_are_ratios_of_sums_of_ats()
    {
        // For every ratio indicator and month: national (and regional) numerator and denominator are
        // the sums over the ATS, and the value is their quotient, never a mean of ATS ratios.
        var mismatches = Db.Rows(_c, """
            with ratio_indicators as (select indicator_id, scale from indicator_catalogue where kind = 'ratio'),
            ats as (
                select v.indicator_id, v.month, a.region_code, v.numerator, v.denominator, scale
                from indicator_values v join ratio_indicators using (indicator_id)
                join dim_ats a on a.ats_code = v.territory_code
                where v.level = 'ats'),
            sums as (
                select indicator_id, month, 'national' as level, 'IT' as territory_code, scale, sum(numerator) n, sum(denominator) d from ats group by all
                union all
                select indicator_id, month, 'region', region_code, scale, sum(numerator), sum(denominator) from ats group by all)
            select s.indicator_id, s.level, s.territory_code, s.month
            from sums s join indicator_values v using (indicator_id, level, territory_code, month)
            where abs(v.numerator - s.n) > 1e-9 or abs(v.denominator - s.d) > 1e-9
               or (s.d = 0 and v.value is not null)
               or (s.d > 0 and abs(v.value - s.scale * s.n / s.d) > 1e-9)
            """);
        Assert.Empty(mismatches);
        // and the check did look at rows
        Assert.True(Db.Count(_c, "select count(*) from indicator_values where level = 'national' and value is not null") > 20);
    }

    [Fact]
    public void Catalogue_table_lists_every_indicator_with_its_metadata()
    {
        Assert.Equal(Monitoring.Warehouse.Indicators.IndicatorCatalogue.Load().Indicators.Count,
            Db.Count(_c, "select count(*) from indicator_catalogue"));
        var row = Db.Rows(_c, """
            select logframe_level, pillar, kind, higher_is_better, flag_method
            from indicator_catalogue where indicator_id = 'open_cases_per_case_manager'
            """).Single();
        Assert.Equal(["input", "inclusion", "ratio", false, "poisson"], row);
    }

    [Fact]
    public void Open_case_age_on_the_reference_date()
    {
        // Open on 15 May: c1 (last event 10 Apr -> 35 days) and c4 (5 May -> 10 days); c6 closed 10 May.
        var rows = Db.Rows(_c, """
            select case_key, case_manager_key, ats_code, last_event_date::varchar, last_event_type, days_since_last_event
            from cm_open_case_age order by case_key
            """);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["c1", "op_a1a", A1, "2025-04-10", "monitoring_meeting", 35L], rows[0].Select(Normalize));
        Assert.Equal(["c4", "op_a2a", A2, "2025-05-05", "monitoring_meeting", 10L], rows[1].Select(Normalize));
    }

    [Fact]
    public void Stage_timer_reports_the_three_stages()
    {
        Assert.Equal(["flags", "indicators", "star_schema"], warehouse.StageSeconds.Keys.Order());
        Assert.All(warehouse.StageSeconds.Values, s => Assert.True(s >= 0));
    }

    [Fact]
    public void Indicator_csv_has_empty_denominator_for_counts()
    {
        using var dir = new TempDir();
        var path = dir["indicators.csv"];
        Monitoring.Warehouse.Indicators.IndicatorCsv.Write(_c, path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("indicator_id;level;territory_code;month;numerator;denominator;value;dimension;member", lines[0]);
        Assert.Contains("case_managers_active;ats;ATS-01-001;2025-02;2.0;;2.0;;", lines);
        Assert.Contains("convocation_within_30_days;national;IT;2025-01;3.0;5.0;0.6;;", lines);
        Assert.Contains("open_cases_per_case_manager;ats;ATS-02-001;2025-01;1.0;0.0;;;", lines);
        // A member row: hh1 and hh4 (with minors) and hh2 (without) were paid in January.
        Assert.Contains("households_paid;national;IT;2025-01;2.0;;2.0;with_minors;yes", lines);
        Assert.Equal(1 + Db.Count(_c, "select count(*) from indicator_values") + Db.Count(_c, "select count(*) from indicator_member_values"),
            lines.Length);
    }

    [Fact]
    public void Flags_table_has_the_contract_columns_and_only_flagged_indicators()
    {
        var columns = Db.Rows(_c, "select column_name from information_schema.columns where table_name = 'flags'")
            .Select(r => (string)r[0]!).ToHashSet();
        string[] contract = ["indicator_id", "ats_code", "month", "value", "national_value", "n", "lower_warning", "upper_warning",
            "lower_alarm", "upper_alarm", "z", "method", "severity", "persistent", "plain_rule_breach", "plain_rule_share"];
        Assert.All(contract, c => Assert.Contains(c, columns));
        var indicators = Db.Rows(_c, "select distinct indicator_id from flags order by 1").Select(r => (string)r[0]!).ToList();
        Assert.Equal(["cases_processed_per_case_manager", "closed_goals_achieved_rate", "convocation_within_30_days",
            "open_cases_per_case_manager", "plan_within_90_days", "referrals_served_rate"], indicators);
        // B1 has no case manager: no point for the per-case-manager rates (n = 0).
        Assert.Equal(0L, Db.Count(_c, $"select count(*) from flags where ats_code = '{B1}' and indicator_id like '%per_case_manager'"));
    }

    [Theory]
    [InlineData("dim_month", "month", 5)]
    [InlineData("dim_date", "date", 151)]                       // 31 + 28 + 31 + 30 + 31 days
    [InlineData("dim_region", "region_code", 2)]
    [InlineData("dim_ats", "ats_code", 3)]
    [InlineData("dim_ats_rollup", "ats_code, level", 9)]
    [InlineData("dim_municipality_month", "municipality_code, month", 20)]  // 4 municipalities x 5 months
    [InlineData("dim_territory", "municipality_code, ats_code, valid_from", 5)]
    [InlineData("dim_operator", "operator_key", 6)]
    [InlineData("dim_household", "household_key", 5)]
    [InlineData("fct_ats_population_monthly", "ats_code, month", 15)]
    [InlineData("fct_staffing_monthly", "operator_key, month", 13)]  // op_a1a 5 + op_a1b 2 + op_a2a 5 + op_a2c 1
    [InlineData("fct_case_events", "event_id", 27)]
    [InlineData("fct_cases", "case_key", 7)]
    [InlineData("fct_referrals", "referral_id", 7)]
    [InlineData("fct_payments", "household_key, month", 9)]
    [InlineData("cm_open_case_age", "case_key", 2)]
    public void Models_have_unique_keys_and_expected_rows(string table, string key, long rows)
    {
        Assert.Equal(rows, Db.Count(_c, $"select count(*) from {table}"));
        Assert.Equal(rows, Db.Count(_c, $"select count(*) from (select distinct {key} from {table})"));
    }

    private static object? Normalize(object? value) => value switch { int i => (long)i, _ => value };
}
