using Monitoring.Tests.Warehouse.Support;
using Monitoring.Warehouse.Indicators;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>
/// The complete grid (IndicatorGrid) is written for every indicator of a run in one statement, and its member table is
/// no longer grouped afterwards to look for repeated cells: a grid description that would repeat cells is refused
/// before anything is written, and a delta's recomputation gives the rows of a full one.
/// </summary>
public sealed class IndicatorGridTests
{
    [Fact]
    public void A_dimension_listed_twice_by_an_indicator_is_refused_before_any_cell_is_written()
    {
        using var dir = new TempDir();
        using var conn = HandFixture.Open(dir["warehouse.duckdb"]);
        StarSchemaBuilder.Build(conn);
        var catalogue = IndicatorCatalogue.Load();
        // The catalogue accepts it (each id is known); the grid would give households_paid every measure cell twice.
        var twice = new IndicatorCatalogue(
            catalogue.Indicators.Select(i => i.Id == "households_paid" ? i with { Dimensions = ["measure", "pathway", "measure"] } : i).ToList(),
            catalogue.Dimensions, catalogue.Flags, catalogue.EpisodeRecoveryMonths);

        var error = Assert.Throws<InvalidOperationException>(() => IndicatorRunner.Run(conn, twice));

        Assert.Contains("households_paid", error.Message);
        Assert.Equal(0L, Db.Count(conn, "select count(*) from indicator_member_cells"));
    }

    [Fact]
    public void A_delta_recomputing_the_indicators_of_changed_households_writes_the_rows_of_a_full_run()
    {
        using var dir = new TempDir();
        using var conn = HandFixture.Open(dir["warehouse.duckdb"]);
        StarSchemaBuilder.Build(conn);
        var catalogue = IndicatorCatalogue.Load();
        IndicatorRunner.Run(conn, catalogue);
        Db.Exec(conn, """
            create table full_values as from indicator_values;
            create table full_member_values as from indicator_member_values;
            """);

        // A delta that changed the households: every indicator with dimensions again (their table made anew), the
        // totals of the others kept as they were.
        var computed = IndicatorRunner.Run(conn, catalogue, changed: new HashSet<string> { IndicatorSql.ProfileTable });

        Assert.Contains("households_paid", computed);
        Assert.DoesNotContain("case_managers_active", computed);
        foreach (var (table, copy) in new[] { ("indicator_values", "full_values"), ("indicator_member_values", "full_member_values") })
        {
            Assert.True(Db.Count(conn, $"select count(*) from {table}") > 100, table);
            Assert.Equal(0L, Db.Count(conn, $"select count(*) from (from {table} except all from {copy})"));
            Assert.Equal(0L, Db.Count(conn, $"select count(*) from (from {copy} except all from {table})"));
        }
    }
}
