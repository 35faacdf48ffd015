namespace Monitoring.DataDir.Snapshots;

/// <summary>
/// DATA_DIR/landing holds a run's unpacked .zip and DuckDB's spill files: personal data in clear (and DATA_DIR/tmp the
/// warehouse's, publish's and extract's spill files, pseudonymized). A run
/// deletes its own folder when it ends, but a run killed with SIGKILL cannot, so every folder there is
/// removed by the next run and by housekeeping — both while holding the writer lock, when no run can
/// be using one.
/// </summary>
public static class LandingArea
{
    /// <summary>Removes everything under landing/; returns how many entries went. The caller holds the writer lock.</summary>
    public static int Clean(DataDirectory dir) => Remove(dir.LandingDir, _ => true) + Remove(dir.TempDir, Abandoned);

    /// <summary>
    /// Under tmp/ (DuckDB's spill beside the landing database): a run's folder is its own while it holds the writer
    /// lock, so any left now is abandoned; a publish or extract holds no lock, so its folder goes only once its process is gone.
    /// </summary>
    static bool Abandoned(string name)
    {
        if (!name.StartsWith(DataDirectory.ReaderTempPrefix, StringComparison.Ordinal)) return true;
        var pid = name[DataDirectory.ReaderTempPrefix.Length..].Split('-')[0];
        if (!int.TryParse(pid, out var id)) return true;
        try { using var p = System.Diagnostics.Process.GetProcessById(id); return p.HasExited; }
        catch (ArgumentException) { return true; } // no such process
    }

    static int Remove(string parent, Func<string, bool> abandoned)
    {
        if (!Directory.Exists(parent)) return 0;
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent))
        {
            if (!abandoned(Path.GetFileName(entry))) continue;
            if (Directory.Exists(entry) && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry); // a file, or a link (deleted as a link, never followed)
            removed++;
        }
        return removed;
    }
}
