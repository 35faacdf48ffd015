using System.Diagnostics;
using DuckDB.NET.Data;
using Monitoring.Warehouse.Episodes;
using Monitoring.Warehouse.Flags;
using Monitoring.Warehouse.Indicators;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Tests.Warehouse.Support;

/// <summary>
/// Builds a hand-made warehouse the way the pipeline's model stages do (etl's <c>PipelineStages.Models</c>: star
/// schema, indicators, flags and their episodes, then the build stamp), for the tests of this library, which does
/// not know the pipeline. Each part's seconds go to <paramref name="stageTimer"/> under the pipeline's stage names.
/// </summary>
public static class AllModels
{
    public static void Build(DuckDBConnection conn, Action<string, double>? stageTimer = null)
    {
        var catalogue = IndicatorCatalogue.Load();
        Timed("star_schema", stageTimer, () => StarSchemaBuilder.Build(conn));
        Timed("indicators", stageTimer, () => IndicatorRunner.Run(conn, catalogue));
        Timed("flags", stageTimer, () =>
        {
            FlagBuilder.Build(conn, FlagOptions.Default);
            EpisodeBuilder.Build(conn, catalogue);
        });
        BuildInfo.Stamp(conn);
    }

    static void Timed(string stage, Action<string, double>? stageTimer, Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        stageTimer?.Invoke(stage, clock.Elapsed.TotalSeconds);
    }
}
