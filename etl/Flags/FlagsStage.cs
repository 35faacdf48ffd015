using Monitoring.Etl.Pipeline;
using Monitoring.Warehouse.Episodes;
using Monitoring.Warehouse.Flags;
using Monitoring.Warehouse.Indicators;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Etl.Flags;

/// <summary>
/// The red flags: each funnel (one indicator, one month) evaluated — after a delta only those of the indicators
/// recomputed — then persistence and order over all, then the snapshot's flag episodes cut again from every month
/// (<c>flag_episodes</c>; the follow-up register takes them after publishing). The last model stage, so it stamps
/// the warehouse with the models that built it (<see cref="BuildInfo"/>).
/// </summary>
public sealed class FlagsStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var warehouse = run.OpenWarehouse();
        var catalogue = IndicatorCatalogue.Load();
        run.Stages.Run("flags", null, () =>
        {
            FlagBuilder.Build(warehouse, FlagOptions.Default, run.Changed is null ? null : run.RecomputedIndicators);
            // Episodes span every month, so they are cut again from all the flags, delta or not.
            EpisodeBuilder.Build(warehouse, catalogue);
        });
        BuildInfo.Stamp(warehouse);
    }
}
