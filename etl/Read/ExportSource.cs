using System.IO.Compression;

namespace Monitoring.Etl.Read;

/// <summary>
/// An export folder, or a .zip of one unpacked into the landing area. The landing area is the only
/// place personal data exists in clear; it is deleted when the run ends, whatever its outcome.
/// </summary>
public sealed class ExportSource : IDisposable
{
    public string Folder { get; }
    readonly string? _unpacked;

    ExportSource(string folder, string? unpacked) { Folder = folder; _unpacked = unpacked; }

    public static ExportSource Open(string path, string landingDir)
    {
        if (Directory.Exists(path)) return new ExportSource(path, null);
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var target = Path.Combine(landingDir, "unzipped");
            try { ZipFile.ExtractToDirectory(path, target, overwriteFiles: true); }
            catch (InvalidDataException) { throw new ExportRefusedException($"{Path.GetFileName(path)}: not a readable .zip archive"); }
            // A zip may hold the export folder itself rather than its files.
            var folder = File.Exists(Path.Combine(target, "manifest.json"))
                ? target
                : Directory.GetDirectories(target).FirstOrDefault(d => File.Exists(Path.Combine(d, "manifest.json"))) ?? target;
            return new ExportSource(folder, target);
        }
        throw new ExportRefusedException($"{path}: no such export folder or .zip file");
    }

    public void Dispose()
    {
        if (_unpacked is not null && Directory.Exists(_unpacked)) Directory.Delete(_unpacked, recursive: true);
    }
}
