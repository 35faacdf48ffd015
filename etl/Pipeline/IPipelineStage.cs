namespace Monitoring.Etl.Pipeline;

/// <summary>
/// One step of the flow. A stage reads what earlier stages left in the <see cref="RunContext"/>, does its one
/// job, leaves its result there and times itself into the run report (<see cref="StageTimer"/>). A stage that
/// cannot go on throws: <see cref="Read.ExportRefusedException"/> or
/// <see cref="Monitoring.Warehouse.Pseudonyms.PseudonymKeyException"/> for a refusal, anything else for a failure.
/// </summary>
public interface IPipelineStage
{
    void Run(RunContext run);
}
