using System.Diagnostics;
using DuckDB.NET.Data;
using Monitoring.Warehouse.Flags;
using Monitoring.Warehouse.Indicators;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// Turns the <c>stg_*</c> tables of a snapshot's warehouse.duckdb into the star schema, the
/// indicator values and the red flags (docs/ARCHITECTURE.md, "Warehouse tables").
/// </summary>
public static class StarSchemaBuilder
{
    public const string StageStarSchema = "star_schema";
    public const string StageIndicators = "indicators";
    public const string StageFlags = "flags";

    /// <summary>
    /// Runs the marts, then the indicators of the catalogue, then the flags. Each stage's duration
    /// in seconds is reported through <paramref name="stageTimer"/> (stage names above).
    /// </summary>
    public static void Build(DuckDBConnection conn, Action<string, double>? stageTimer = null) =>
        Build(conn, FlagOptions.Default, stageTimer);

    public static void Build(DuckDBConnection conn, FlagOptions flagOptions, Action<string, double>? stageTimer = null)
    {
        Timed(StageStarSchema, stageTimer, () => MartRunner.Run(conn));
        Timed(StageIndicators, stageTimer, () =>
        {
            var catalogue = IndicatorCatalogue.Load();
            IndicatorRunner.Run(conn, catalogue);
        });
        Timed(StageFlags, stageTimer, () => FlagBuilder.Build(conn, flagOptions));
    }

    private static void Timed(string stage, Action<string, double>? stageTimer, Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        stageTimer?.Invoke(stage, clock.Elapsed.TotalSeconds);
    }
}
