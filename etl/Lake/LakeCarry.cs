using System.Runtime.InteropServices;

namespace Monitoring.Etl.Lake;

/// <summary>
/// Carries lake files from the snapshot in service into the new one. Lake files are immutable once published, so a
/// hard link is enough: no byte is read or written, and the file stays alive when housekeeping later removes the
/// old snapshot. Where the file system refuses a link (another device, no support), the file is copied.
/// </summary>
public static class LakeCarry
{
    /// <summary>A table a delta does not touch: its whole folder, manifest included.</summary>
    public static void Carry(LakeTable table, string previousLakeDir, string lakeDir)
    {
        var from = table.Dir(previousLakeDir);
        var to = table.Dir(lakeDir);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            LinkOrCopy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>
    /// The files a table's manifest lists, linked into the new snapshot (a delta adds its own file beside them);
    /// returns that manifest, to which the caller adds and which it saves. Nothing outside the manifest is carried.
    /// </summary>
    public static LakeManifest Link(LakeTable table, string previousLakeDir, string lakeDir)
    {
        var from = table.Dir(previousLakeDir);
        var to = table.Dir(lakeDir);
        var manifest = LakeManifest.Load(table, from);
        Directory.CreateDirectory(to);
        foreach (var file in manifest.Files) LinkOrCopy(Path.Combine(from, file.Path), Path.Combine(to, file.Path));
        return manifest;
    }

    /// <summary>A hard link to <paramref name="existing"/> at <paramref name="target"/> (its folder created), else a copy.</summary>
    public static void LinkOrCopy(string existing, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!TryHardLink(existing, target)) File.Copy(existing, target);
    }

    static bool TryHardLink(string existing, string link)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return Link(existing, link) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
