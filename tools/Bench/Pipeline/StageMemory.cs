using System.Text.Json.Serialization;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// Where in a run the memory goes: the run's progress names the stage under way, and a sampler reads the process's
/// resident memory and .NET's heap every <see cref="Interval"/>, keeping per stage the highest resident figure and the
/// managed heap at that moment (the rest is native: DuckDB's buffer pool, its allocations outside it, the runtime).
/// A sample can miss a spike shorter than the interval; the run's true peak is <see cref="PeakMemory"/>'s.
/// </summary>
public sealed class StageMemory : IProgress<PipelineProgress>, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The highest resident memory sampled while a stage ran, and .NET's share of it then, in MB.</summary>
    public sealed record Peak(
        [property: JsonPropertyName("resident_mb")] double ResidentMb,
        [property: JsonPropertyName("managed_mb")] double ManagedMb);

    readonly Dictionary<string, Peak> _peaks = new();
    readonly Lock _gate = new();
    readonly Timer _timer;
    string _stage = "start";

    public StageMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Interval);

    /// <summary>The stages in the order they began, each with its peak.</summary>
    public IReadOnlyList<(string Stage, Peak Peak)> Peaks
    {
        get { lock (_gate) return _peaks.Select(p => (p.Key, p.Value)).ToList(); }
    }

    public void Report(PipelineProgress value)
    {
        // "stage" begins it; "stage:done", "rows" and "warning" leave the stage as it is (the pseudonym maps run beside
        // validation, so what they hold is charged to validate).
        if (value.Stage.Contains(':') || value.Stage is "rows" or "warning") return;
        lock (_gate) _stage = value.Stage;
        Sample();
    }

    void Sample()
    {
        var resident = ResidentMb();
        if (resident <= 0) return;
        var managed = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
        lock (_gate)
            if (!_peaks.TryGetValue(_stage, out var peak) || resident > peak.ResidentMb)
                _peaks[_stage] = new Peak(Math.Round(resident), Math.Round(managed));
    }

    /// <summary>VmRSS from /proc/self/statm (pages), cheaper than a Process object every tenth of a second; 0 elsewhere.</summary>
    static double ResidentMb()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1]) * Environment.SystemPageSize / 1048576.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done)) done.WaitOne(TimeSpan.FromSeconds(5));
    }
}
