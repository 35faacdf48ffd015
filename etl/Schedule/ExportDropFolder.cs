using System.IO.Compression;
using System.Text.Json;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// The folder the CMIS drops exports into. Each entry is an export folder (with manifest.json) or a
/// .zip of one (manifest.json at its root or inside its single top folder). Names starting with '.'
/// or ending in .tmp/.partial are still being copied and are ignored: drop exports by copy-then-rename.
/// </summary>
public static class ExportDropFolder
{
    /// <summary>The newest export by its manifest's extracted_at (file time when the manifest is unreadable), or null when there is none.</summary>
    public static ExportCandidate? FindNewest(string dropFolder) =>
        List(dropFolder).OrderByDescending(c => c.SortTime).ThenByDescending(c => c.LastWriteUtc).FirstOrDefault();

    public static IEnumerable<ExportCandidate> List(string dropFolder)
    {
        foreach (var entry in new DirectoryInfo(dropFolder).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.') || entry.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
                || entry.Name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase)) continue;

            if (entry is DirectoryInfo folder)
            {
                var manifest = Path.Combine(folder.FullName, "manifest.json");
                if (!File.Exists(manifest)) continue;
                var (id, at) = ReadManifest(() => File.OpenRead(manifest));
                yield return new ExportCandidate(folder.FullName, id, at, folder.LastWriteTimeUtc);
            }
            else if (entry.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var (id, at) = ReadZipManifest(entry.FullName);
                yield return new ExportCandidate(entry.FullName, id, at, entry.LastWriteTimeUtc);
            }
        }
    }

    private static (string? Id, DateTimeOffset? At) ReadZipManifest(string zipPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var manifest = zip.Entries.FirstOrDefault(e => e.FullName == "manifest.json")
                ?? zip.Entries.FirstOrDefault(e => e.Name == "manifest.json" && e.FullName.Count(c => c == '/') == 1);
            return manifest is null ? (null, null) : ReadManifest(manifest.Open);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, null); // a damaged or half-copied zip: the pipeline will refuse it with the reason
        }
    }

    private static (string? Id, DateTimeOffset? At) ReadManifest(Func<Stream> open)
    {
        try
        {
            using var stream = open();
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var id = root.TryGetProperty("export_id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            DateTimeOffset? at = root.TryGetProperty("extracted_at", out var a) && a.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(a.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            return (id, at);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException)
        {
            return (null, null);
        }
    }
}
