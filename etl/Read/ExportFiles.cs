using Monitoring.Etl.Contract;
using Monitoring.Etl.Pipeline;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Read;

/// <summary>Which contract files an export holds, and the check of each against its manifest entry.</summary>
public static class ExportFiles
{
    /// <summary>A full export must hold every file; a delta only those with changes. Unknown files are ignored.</summary>
    public static IReadOnlyList<FileSpec> Resolve(Manifest manifest, string folder)
    {
        var present = new List<FileSpec>();
        foreach (var file in ExportContract.Files)
        {
            var onDisk = File.Exists(Path.Combine(folder, file.FileName));
            var listed = manifest.Files.ContainsKey(file.FileName);
            if (onDisk && !listed) throw new ExportRefusedException($"{file.FileName}: present in the export but not listed in manifest.json");
            if (!onDisk && listed) throw new ExportRefusedException($"{file.FileName}: listed in manifest.json but missing from the export");
            if (!onDisk && !manifest.IsDelta) throw new ExportRefusedException($"{file.FileName}: missing; a full export must hold every file of the contract");
            if (onDisk) present.Add(file);
        }
        return present;
    }

    /// <summary>SHA-256 of every file against the manifest; a mismatch refuses the whole export.</summary>
    public static Dictionary<string, FileFingerprint> Verify(Manifest manifest, string folder, IReadOnlyList<FileSpec> files, RunReport report)
    {
        var result = new Dictionary<string, FileFingerprint>();
        foreach (var file in files)
        {
            var expected = manifest.Files[file.FileName];
            var fp = FileFingerprint.Of(Path.Combine(folder, file.FileName));
            report.FileHashes[file.FileName] = fp.Sha256;
            if (!string.Equals(fp.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ExportRefusedException($"{file.FileName}: sha256 {fp.Sha256} does not match the manifest's {expected.Sha256}: the file is truncated or corrupted");
            result[file.FileName] = fp;
        }
        return result;
    }
}
