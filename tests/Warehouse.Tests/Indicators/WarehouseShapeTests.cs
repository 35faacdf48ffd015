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
        Assert.Equal(15, rows.Count);
        foreach (var (indicator, count) in rows)
        {
            var expected = indicator switch { "convocation_within_30_days" => 18, "plan_within_90_days" => 6, _ => 30 };
            Assert.True(expected == count, $"{indicator}: {count} rows, expected {expected}");
        }
    }

    [Fact]
    public void National_and_regional_values_are_ratios_of_sums_of_ats()
    {
        // For every ratio indicator and month: national (and regional) numerator and denominator are
        // the sums over the ATS, and the value is their quotient, never a mean of ATS ratios.
        var mismatches = Db.Rows(_c, """
            with ratio_indicators as (select indicator_id from indicator_catalogue where kind = 'ratio'),
            ats as (
                select v.indicator_id, v.month, a.region_code, v.numerator, v.denominator
                from indicator_values v join ratio_indicators using (indicator_id)
                join dim_ats a on a.ats_code = v.territory_code
                where v.level = 'ats'),
            sums as (
                select indicator_id, month, 'national' as level, 'IT' as territory_code, sum(numerator) n, sum(denominator) d from ats group by all
                union all
                select indicator_id, month, 'region', region_code, sum(numerator), sum(denominator) from ats group by all)
            select s.indicator_id, s.level, s.territory_code, s.month
            from sums s join indicator_values v using (indicator_id, level, territory_code, month)
            where abs(v.numerator - s.n) > 1e-9 or abs(v.denominator - s.d) > 1e-9
               or (s.d = 0 and v.value is not null)
               or (s.d > 0 and abs(v.value - s.n / s.d) > 1e-9)
            """);
        Assert.Empty(mismatches);
        // and the check did look at rows
        Assert.True(Db.Count(_c, "select count(*) from indicator_values where level = 'national' and value is not null") > 20);
    }

    [Fact]
    public void Catalogue_table_lists_every_indicator_with_its_metadata()
    {
        Assert.Equal(15L, Db.Count(_c, "select count(*) from indicator_catalogue"));
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
        using var dir = new TempDirectory();
        var path = dir.File("indicators.csv");
        Monitoring.Warehouse.Indicators.IndicatorCsv.Write(_c, path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("indicator_id;level;territory_code;month;numerator;denominator;value", lines[0]);
        Assert.Contains("case_managers_active;ats;ATS-01-001;2025-02;2.0;;2.0", lines);
        Assert.Contains("convocation_within_30_days;national;IT;2025-01;3.0;5.0;0.6", lines);
        Assert.Contains("open_cases_per_case_manager;ats;ATS-02-001;2025-01;1.0;0.0;", lines);
        Assert.Equal(1 + Db.Count(_c, "select count(*) from indicator_values"), lines.Length);
    }

    private static object? Normalize(object? value) => value switch { int i => (long)i, _ => value };
}
