using System.Runtime.InteropServices;

namespace Monitoring.Etl.Lake;

/// <summary>
/// Carries a lake table a delta does not touch from the snapshot in service into the new one. Lake
/// files are immutable once published, so a hard link is enough: no byte is read or written, and the
/// file stays alive when housekeeping later removes the old snapshot. Where the file system refuses a
/// link (another device, no support), the file is copied.
/// </summary>
public static class LakeCarry
{
    public static void Carry(LakeTable table, string previousLakeDir, string lakeDir)
    {
        var from = Path.Combine(previousLakeDir, table.Stem);
        var to = Path.Combine(lakeDir, table.Stem);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (!TryHardLink(file, target)) File.Copy(file, target);
        }
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
