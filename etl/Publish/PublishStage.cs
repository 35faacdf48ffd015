using Monitoring.DataDir;
using Monitoring.DataDir.Runs;
using System.Text.Json;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Publish;

/// <summary>
/// The warehouse checkpointed and closed, the run's report written into the snapshot (it travels with it), then
/// the atomic swap of CURRENT (<see cref="Monitoring.DataDir.Snapshots.SnapshotStore.Publish"/>). Until this
/// stage the snapshot in service is untouched; a run that fails before it leaves nothing published.
/// </summary>
public sealed class PublishStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        run.CloseWarehouse();
        run.Cancellation.ThrowIfCancellationRequested();
        var report = run.Report;
        report.Status = RunStatus.Succeeded;
        File.WriteAllText(DataDirectory.SnapshotRunReport(run.BuildingFolder), JsonSerializer.Serialize(report, ReportJson.Options));
        run.Stages.Run("publish", null, () => run.Store.Publish(report.RunId));
        run.Published = true;
    }
}
