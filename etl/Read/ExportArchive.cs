using System.Globalization;
using System.IO.Compression;

namespace Monitoring.Etl.Read;

/// <summary>
/// A .zip export, checked from its central directory BEFORE anything is unpacked — sizes, ratio and
/// entry count against <see cref="ArchiveLimits"/>; no entry outside the export folder (`..`, an
/// absolute path), no symbolic link, exactly one export (one manifest.json) — and then unpacked entry
/// by entry, never past what each entry declared. Every refusal names the archive and the entry.
/// </summary>
public static class ExportArchive
{
    const int UnixFileTypeMask = 0xF000, UnixSymlink = 0xA000;

    /// <summary>Unpacks <paramref name="zipPath"/> into <paramref name="target"/> and returns the export folder inside it.</summary>
    public static string Unpack(string zipPath, string target, ArchiveLimits limits)
    {
        var name = Path.GetFileName(zipPath);
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(zipPath); }
        catch (InvalidDataException) { throw new ExportRefusedException($"{name}: not a readable .zip archive"); }
        using (zip)
        {
            var exportFolder = Check(zip, name, limits);
            Directory.CreateDirectory(target);
            var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
            foreach (var entry in zip.Entries)
            {
                var path = Path.GetFullPath(Path.Combine(root, Normalized(entry.FullName)));
                if (!path.StartsWith(root, StringComparison.Ordinal))
                    throw new ExportRefusedException($"{name}: entry '{entry.FullName}' would be written outside the landing folder");
                if (IsFolder(entry)) { Directory.CreateDirectory(path); continue; }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    using var input = entry.Open();
                    using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    CopyAtMost(input, output, entry.Length, name, entry.FullName);
                }
                catch (InvalidDataException e)
                {
                    throw new ExportRefusedException($"{name}: entry '{entry.FullName}' cannot be unpacked ({e.Message.Split('\n')[0]})");
                }
            }
            return Path.Combine(target, exportFolder);
        }
    }

    /// <summary>Everything that can be known from the central directory; returns the export folder's path inside the archive ("" = its root).</summary>
    static string Check(ZipArchive zip, string name, ArchiveLimits limits)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
            throw new ExportRefusedException($"{name}: {entries.Count:N0} entries, more than the {limits.MaxEntries:N0} an export may hold ({ArchiveLimits.EntriesVariable})");
        long total = 0;
        foreach (var entry in entries)
        {
            var n = Normalized(entry.FullName);
            if (entry.FullName.StartsWith('/') || entry.FullName.StartsWith('\\') || Path.IsPathRooted(n) || (n.Length > 1 && n[1] == ':'))
                throw new ExportRefusedException($"{name}: entry '{entry.FullName}' has an absolute path; an export holds only its own files");
            if (n.Split('/').Any(part => part == ".."))
                throw new ExportRefusedException($"{name}: entry '{entry.FullName}' climbs out of the export folder ('..')");
            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
                throw new ExportRefusedException($"{name}: entry '{entry.FullName}' is a symbolic link; an export holds only plain files");
            if (entry.Length >= ArchiveLimits.RatioFloorBytes && entry.Length > limits.MaxRatio * Math.Max(entry.CompressedLength, 1))
                throw new ExportRefusedException($"{name}: entry '{entry.FullName}' declares {Size(entry.Length)} packed into {Size(entry.CompressedLength)} " +
                    $"(ratio {entry.Length / (double)Math.Max(entry.CompressedLength, 1):N0}:1, above {limits.MaxRatio:N0}:1, {ArchiveLimits.RatioVariable}): refused as a zip bomb, nothing unpacked");
            total += entry.Length;
            if (total > limits.MaxTotalBytes)
                throw new ExportRefusedException($"{name}: entry '{entry.FullName}' ({Size(entry.Length)}) brings the unpacked size to {Size(total)}, above the {Size(limits.MaxTotalBytes)} allowed ({ArchiveLimits.BytesVariable}): nothing unpacked");
        }
        var manifests = entries.Where(e => !IsFolder(e) && Path.GetFileName(Normalized(e.FullName)) == "manifest.json").Select(e => Normalized(e.FullName)).ToList();
        if (manifests.Count > 1)
            throw new ExportRefusedException($"{name}: holds {manifests.Count} exports ({string.Join(", ", manifests.Select(m => $"'{m}'"))}); a .zip must hold exactly one export");
        if (manifests.Count == 0) return "";
        var folder = Path.GetDirectoryName(manifests[0])?.Replace('\\', '/') ?? "";
        if (folder.Contains('/'))
            throw new ExportRefusedException($"{name}: entry '{manifests[0]}': the export must be at the archive's root or in one folder at its root");
        var outside = entries.FirstOrDefault(e => !IsFolder(e) && folder.Length > 0 && !Normalized(e.FullName).StartsWith(folder + "/", StringComparison.Ordinal));
        if (outside is not null)
            throw new ExportRefusedException($"{name}: entry '{outside.FullName}' lies outside the export folder '{folder}'");
        return folder;
    }

    /// <summary>Copies no more than the entry declared: a central directory that lies about a size cannot fill the disk.</summary>
    static void CopyAtMost(Stream input, Stream output, long declared, string archive, string entry)
    {
        var buffer = new byte[1 << 16];
        long copied = 0;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += n;
            if (copied > declared)
                throw new ExportRefusedException($"{archive}: entry '{entry}' holds more than the {Size(declared)} it declares: refused");
            output.Write(buffer, 0, n);
        }
    }

    static bool IsFolder(ZipArchiveEntry e) => e.FullName.EndsWith('/') || e.FullName.EndsWith('\\');

    static string Normalized(string entryName) => entryName.Replace('\\', '/');

    static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
