using Monitoring.Tests.Warehouse.Support;
using Monitoring.Warehouse.Indicators;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Tests.Warehouse.StarSchema;

/// <summary>What a delta rebuilds: the models downstream of the tables it changed, and nothing else.</summary>
public class PartialRebuildTests
{
    [Fact]
    public void A_model_depends_on_every_table_it_names_including_comma_joins_and_subqueries()
    {
        var inputs = ModelInputs.Of("""
            -- from commented_out
            with m as (select * from dim_month as m, run_meta as r)
            select * from m join fct_cases c using (month) where c.x in (select y from stg_referrals)
            """);
        Assert.Subset(inputs.ToHashSet(), new HashSet<string> { "dim_month", "run_meta", "fct_cases", "stg_referrals" });
        Assert.DoesNotContain("commented_out", inputs);
    }

    [Fact]
    public void No_model_reads_the_run_meta_columns_a_delta_changes_without_marking_run_meta_changed()
    {
        // A delta marks run_meta changed only when its month range or reference date moves (WarehouseLoader);
        // a model reading the run's id, export or times would keep the previous run's values.
        var offenders = Directory.GetFiles(SqlModels.Root, "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}staging{Path.DirectorySeparatorChar}"))
            .Where(f => ModelInputs.Of(File.ReadAllText(f)).Overlaps(["run_id", "export_id", "extracted_at", "built_at"]))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Changing_the_cases_rebuilds_the_models_and_indicators_downstream_of_them_only()
    {
        using var dir = new TempDir();
        using var conn = HandFixture.Open(dir["warehouse.duckdb"]);
        AllModels.Build(conn);

        // The cases really change (a mart rebuilt with the same rows would cut the rebuild short, MartRunner).
        Db.Exec(conn, "delete from stg_cases where case_key = (select max(case_key) from stg_cases)");
        var marts = new List<string>();
        var changed = new HashSet<string> { "stg_cases" };
        MartRunner.Run(conn, (model, _) => marts.Add(model), changed);
        var indicators = new List<string>();
        IndicatorRunner.Run(conn, IndicatorCatalogue.Load(), (id, _) => indicators.Add(id), changed);

        Assert.Contains("fct_cases", marts);
        Assert.Contains("dash_step_medians", marts);              // through fct_cases
        Assert.DoesNotContain("dim_household", marts);
        Assert.DoesNotContain("fct_payments_ats_monthly", marts);
        Assert.Contains("median_days_to_first_meeting", indicators);
        Assert.DoesNotContain("households_paid", indicators);
        // The indicators left alone are still there, once each.
        Assert.Equal(0L, Db.Count(conn, """
            select count(*) from (select indicator_id, level, territory_code, month from indicator_values
                                  group by all having count(*) > 1)
            """));
        Assert.True(Db.Count(conn, "select count(*) from indicator_values where indicator_id = 'households_paid'") > 0);
    }

    [Fact]
    public void A_warehouse_built_by_other_models_is_rebuilt_whole()
    {
        using var dir = new TempDir();
        using var conn = HandFixture.Open(dir["warehouse.duckdb"]);
        AllModels.Build(conn);
        Assert.Equal(["stg_cases"], StarSchemaBuilder.RebuildScope(conn, ["STG_CASES"])!);

        Db.Exec(conn, "update build_info set model_fingerprint = 'an older release of sql/'");
        Assert.Null(StarSchemaBuilder.RebuildScope(conn, ["stg_cases"]));
        // Rebuilt whole, the warehouse is stamped with these models again.
        AllModels.Build(conn);
        Assert.Equal(ModelInputs.Fingerprint(), Db.Scalar(conn, "select model_fingerprint from build_info"));
    }
}
