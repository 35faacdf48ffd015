using Monitoring.DataDir;
using Monitoring.DataDir.Runs;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Read;

/// <summary>
/// Every file as text into the in-memory landing database, rows in file order, malformed records set aside. The
/// rows read must be the manifest's count. A delta is first checked against the snapshot in service it applies to.
/// </summary>
public sealed class ReadStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var conn = run.Landing = LandingDatabase.Open(run.LandingFolder);
        LandingDatabase.LoadReference(conn);
        if (run.IsDelta) PreviousState.CheckCompatible(conn, run.Previous!);

        foreach (var file in run.Files)
        {
            var path = Path.Combine(run.Source.Folder, file.FileName);
            if (run.Fingerprints[file.FileName].MixesLineEnds())
            {
                // CR LF and LF in one file: read a copy with LF only (same lines), kept in the landing folder.
                var normalized = Path.Combine(DataDirectory.LineEndsDir(run.LandingFolder), file.FileName);
                run.Stages.Run("line_ends", file.FileName, () => LineEndNormalizer.Normalize(path, normalized));
                path = normalized;
            }
            var result = run.Stages.Run("read", file.FileName, () => RawCsvLoader.Load(conn, path, file));
            var read = result.Parsed + result.Malformed;
            if (read != run.Manifest.Files[file.FileName].Rows)
                throw new ExportRefusedException($"{file.FileName}: {read} data rows read but the manifest announces {run.Manifest.Files[file.FileName].Rows}: the file is truncated or corrupted");
            run.Loaded[file] = result;
            run.Report.Files[file.FileName] = new FileCounts { Read = read, UnknownColumns = result.UnknownColumns.ToList() };
            run.Stages.Rows(file.FileName, read);
            run.Cancellation.ThrowIfCancellationRequested();
        }
    }
}
