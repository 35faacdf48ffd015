using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Publish;

/// <summary>
/// A snapshot that quarantines too much of a file, or loses too many rows against the one in service, is refused
/// before anything is written (thresholds and --force in <see cref="PublishGuard"/>).
/// </summary>
public sealed class PublishGuardStage : IPipelineStage
{
    public void Run(RunContext run) =>
        run.Options.Guard.Check(run.Report, run.Landing, run.Previous, run.IsDelta, run.Stages.Warn);
}
