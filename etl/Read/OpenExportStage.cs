using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Read;

/// <summary>
/// The run's landing folder (an unpacked .zip and spill files: personal data in clear, deleted when the run ends)
/// and building folder (the new snapshot), the export itself and its manifest. A delta needs a snapshot in
/// service to apply to.
/// </summary>
public sealed class OpenExportStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var report = run.Report;
        run.LandingFolder = Directory.CreateDirectory(run.Dir.Landing(report.RunId)).FullName;
        run.BuildingFolder = Directory.CreateDirectory(run.Dir.Building(report.RunId)).FullName;
        run.Source = ExportSource.Open(run.Options.Source, run.LandingFolder);

        var manifest = run.Manifest = Manifest.Load(run.Source.Folder);
        report.ExportId = manifest.ExportId; report.Kind = manifest.Kind;
        report.ReferenceDate = manifest.ReferenceDate.ToString("yyyy-MM-dd");
        run.Previous = run.Store.CurrentSnapshotDir();
        if (manifest.IsDelta && run.Previous is null)
            throw new ExportRefusedException($"manifest.json: kind is delta but there is no previous load to apply it to; load a full export first");
        run.Files = ExportFiles.Resolve(manifest, run.Source.Folder);
    }
}
