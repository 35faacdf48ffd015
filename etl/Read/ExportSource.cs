using Monitoring.DataDir;
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

    public static ExportSource Open(string path, string landingDir, ArchiveLimits? limits = null)
    {
        if (Directory.Exists(path)) return new ExportSource(path, null);
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var target = DataDirectory.UnzippedDir(landingDir);
            try { return new ExportSource(ExportArchive.Unpack(path, target, limits ?? ArchiveLimits.FromEnvironment()), target); }
            catch { if (Directory.Exists(target)) Directory.Delete(target, recursive: true); throw; }
        }
        throw new ExportRefusedException($"{path}: no such export folder or .zip file");
    }

    public void Dispose()
    {
        if (_unpacked is not null && Directory.Exists(_unpacked)) Directory.Delete(_unpacked, recursive: true);
    }
}
