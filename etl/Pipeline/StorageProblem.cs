using DuckDB.NET.Data;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// Says in plain words when a run failed because DATA_DIR cannot take what is written to it — the file
/// system is full or read-only, or the process may not write there — instead of an engine message such
/// as "CHECKPOINT during DETACH failed" that never mentions space.
/// </summary>
public static class StorageProblem
{
    // errno values .NET carries in IOException.HResult on Linux for these failures.
    const int ENOSPC = 28, EROFS = 30, EDQUOT = 122;

    /// <summary>Below this much free space a failed write is taken to be a full disk.</summary>
    const long NearlyFull = 8L << 20;

    /// <summary>A message naming DATA_DIR and the cause, or null when the failure is not about storage.</summary>
    public static string? Describe(Exception e, string dataDir)
    {
        var root = Path.GetFullPath(dataDir);
        var text = AllMessages(e);
        var errno = e is IOException io ? io.HResult & 0xFFFF : 0;
        if (errno is ENOSPC or EDQUOT || Contains(text, "no space left", "disk full", "not enough space", "disk quota"))
            return Full(root);
        if (errno == EROFS || Contains(text, "read-only file system"))
            return $"DATA_DIR {root} is on a read-only file system: nothing can be written there (remount it read-write or choose another --data)";
        if (e is UnauthorizedAccessException || Contains(text, "permission denied", "access to the path"))
            return $"DATA_DIR {root} cannot be written by this process (permission denied): give it write access or choose another --data";
        // DuckDB reports a failed write by the step it was in ("CHECKPOINT during DETACH failed", "Could not
        // write file"): when the file system is (nearly) full at that moment, that is the cause.
        if ((e is DuckDBException || e is IOException) && FreeBytes(root) is long free && free < NearlyFull)
            return Full(root);
        return null;
    }

    static string Full(string root)
    {
        var free = FreeBytes(root);
        return $"DATA_DIR {root}: no space left on its file system{(free is long f ? $" ({f / 1024.0 / 1024.0:0.#} MB free)" : "")}: " +
               "free some space (housekeeping removes old snapshots) or move DATA_DIR, then run again";
    }

    /// <summary>Free bytes on the file system holding <paramref name="path"/> (or its nearest existing parent).</summary>
    public static long? FreeBytes(string path)
    {
        try
        {
            var p = Path.GetFullPath(path);
            while (!Directory.Exists(p) && Path.GetDirectoryName(p) is { } parent) p = parent;
            return new DriveInfo(p).AvailableFreeSpace;
        }
        catch (Exception) { return null; }
    }

    static string AllMessages(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) parts.Add(x.Message);
        return string.Join(" | ", parts);
    }

    static bool Contains(string text, params string[] needles) =>
        needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
}
