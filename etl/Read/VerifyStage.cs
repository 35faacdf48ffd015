using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Read;

/// <summary>Each file's fingerprint against the manifest: a truncated or corrupted file refuses the export.</summary>
public sealed class VerifyStage : IPipelineStage
{
    public void Run(RunContext run) =>
        run.Fingerprints = run.Stages.Run("verify", null, () => ExportFiles.Verify(run.Manifest, run.Source.Folder, run.Files, run.Report));
}
