using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// Issue 14: the release's indicators_by_dimension (CSV and Parquet) read back as a user reads them, against counts the
/// test makes itself from the warehouse's households (not the indicator models), and against indicators.csv.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public class ReleaseMemberTableTests(TinyWarehouseFixture fx)
{
    string File_(string name) => Path.Combine(fx.Release.Folder, name);

    Duck Open()
    {
        var d = Duck.Memory();
        d.Exec($"create view members as select * from read_csv({Duck.Lit(File_("indicators_by_dimension.csv"))}, header=true, delim=',', quote='\"', escape='\"', all_varchar=true)");
        d.Exec($"create view totals as select * from read_csv({Duck.Lit(File_("indicators.csv"))}, header=true, delim=',', quote='\"', escape='\"', all_varchar=true)");
        d.Exec($"attach {Duck.Lit(fx.WarehouseFile)} as wh (read_only)");
        return d;
    }

    [Fact]
    public void Applications_by_measure_for_Italy_are_the_households_counted_in_the_warehouse_or_hidden_when_small()
    {
        using var d = Open();
        // The test's own count: households by measure and month of application (on or before the reference date).
        var wrong = d.Rows("""
            with mine as (
                select h.measure as member, strftime(h.application_date, '%Y-%m') as month, count(*) as n
                from wh.dim_household as h
                where h.application_date <= (select reference_date from wh.run_meta)
                group by all
            )
            select m.month, m.member, m.value, m.status, coalesce(mine.n, 0)
            from members as m
            left join mine using (member, month)
            where m.indicator_id = 'applications_received' and m.level = 'national' and m.dimension = 'measure'
              and not (m.status = 'published' and try_cast(m.value as double) = coalesce(mine.n, 0)
                    or m.status = 'small_count' and m.value = '<10' and coalesce(mine.n, 0) < 10
                    or m.status = 'secondary_suppression' and m.value is null and coalesce(mine.n, 0) >= 10)
            """);
        Assert.True(wrong.Count == 0, $"{wrong.Count} cells differ, e.g. {string.Join("; ", wrong.Take(5).Select(r => string.Join(" ", r)))}");
        Assert.True(d.Count("select count(*) from members where indicator_id = 'applications_received' and level = 'national' and dimension = 'measure' and status = 'published'") > 0,
            "no published member to compare");
    }

    [Fact]
    public void Members_are_for_Italy_and_regions_only_and_the_parquet_holds_the_csv_rows()
    {
        using var d = Open();
        Assert.Equal(["national", "region"], d.Column("select distinct level from members order by level"));
        Assert.Equal(d.Count("select count(*) from members"),
            d.Count($"select count(*) from read_parquet({Duck.Lit(File_("indicators_by_dimension.parquet"))})"));
        // Every member row's total is a row of indicators.csv, and a published count total with every member published is their sum.
        Assert.Equal(0, d.Count("select count(*) from members as m anti join totals as t using (indicator_id, level, territory_code, month)"));
        var notSums = d.Rows("""
            select m.indicator_id, m.territory_code, m.month, m.dimension, sum(try_cast(m.value as double)), any_value(t.value)
            from members as m join totals as t using (indicator_id, level, territory_code, month)
            where m.indicator_id in ('applications_received', 'households_paid', 'open_cases') and t.status = 'published'
            group by all
            having bool_and(m.status = 'published') and sum(try_cast(m.value as double)) <> try_cast(any_value(t.value) as double)
            """);
        Assert.True(notSums.Count == 0, $"members do not add up: {string.Join("; ", notSums.Take(5).Select(r => string.Join(" ", r)))}");
    }
}
