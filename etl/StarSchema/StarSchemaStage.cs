using Monitoring.Etl.Pipeline;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Etl.StarSchema;

/// <summary>
/// The star schema (<c>sql/marts</c>) in the new warehouse. After a delta, only the marts downstream of the tables
/// it changed — unless the warehouse in service was built by other models, when everything is
/// (<see cref="StarSchemaBuilder.RebuildScope"/>; the report's <c>partial_rebuild</c> says which).
/// </summary>
public sealed class StarSchemaStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var warehouse = run.OpenWarehouse();
        if (run.Changed is not null)
        {
            run.Changed = StarSchemaBuilder.RebuildScope(warehouse, run.Changed);
            run.Report.PartialRebuild = run.Changed is not null;
        }
        run.Stages.Run("star_schema", null, () => StarSchemaBuilder.Build(warehouse, run.Changed));
    }
}
