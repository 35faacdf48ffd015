using System.Diagnostics;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// The process's peak resident memory for one phase of the benchmark (the full run, the delta), not since the process
/// began: on Linux the high-water mark (VmHWM, which .NET reports as PeakWorkingSet64) is reset by writing 5 to
/// /proc/self/clear_refs, so the native baseline's or the generator's memory before the run is not charged to it.
/// </summary>
public static class PeakMemory
{
    /// <summary>Returns the heap and resets the mark; false where the mark cannot be reset (then the peak is the process's).</summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>What is resident now, in MB: read just after <see cref="Reset"/>, the part of the next peak that was
    /// already held when the phase began (the delta runs in the process the full run, the panels and the delta
    /// export's making have used, and neither .NET nor DuckDB's allocator hands every freed page back at once).</summary>
    public static double ResidentMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1048576.0;
    }

    /// <summary>The peak since the last <see cref="Reset"/>, in MB.</summary>
    public static double Mb()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1048576.0;
    }
}
