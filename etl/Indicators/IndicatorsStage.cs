using Monitoring.Etl.Pipeline;
using Monitoring.Warehouse.Indicators;

namespace Monitoring.Etl.Indicators;

/// <summary>
/// The catalogue's indicator values (<c>indicator_values</c>) from the star schema: all of them, or after a delta
/// those reading a table or mart that was rebuilt. The flags stage evaluates again the funnels of the ones computed.
/// </summary>
public sealed class IndicatorsStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var warehouse = run.OpenWarehouse();
        var catalogue = IndicatorCatalogue.Load();
        run.RecomputedIndicators = run.Stages.Run("indicators", null, () => IndicatorRunner.Run(warehouse, catalogue, changed: run.Changed));
        // The operator (and the test) can see what a delta recomputed: a mart rebuilt with the same rows cuts it short.
        if (run.Changed is not null) run.Report.RecomputedIndicators = run.RecomputedIndicators.Order(StringComparer.Ordinal).ToList();
    }
}
