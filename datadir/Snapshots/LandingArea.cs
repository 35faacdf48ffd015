namespace Monitoring.DataDir.Snapshots;

/// <summary>
/// DATA_DIR/landing holds a run's unpacked .zip and DuckDB's spill files: personal data in clear. A run
/// deletes its own folder when it ends, but a run killed with SIGKILL cannot, so every folder there is
/// removed by the next run and by housekeeping — both while holding the writer lock, when no run can
/// be using one.
/// </summary>
public static class LandingArea
{
    /// <summary>Removes everything under landing/; returns how many entries went. The caller holds the writer lock.</summary>
    public static int Clean(DataDirectory dir)
    {
        if (!Directory.Exists(dir.LandingDir)) return 0;
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir.LandingDir))
        {
            if (Directory.Exists(entry) && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry); // a file, or a link (deleted as a link, never followed)
            removed++;
        }
        return removed;
    }
}
