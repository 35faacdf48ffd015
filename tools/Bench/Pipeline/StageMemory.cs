using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// Where in a run the memory goes: the run's progress names the stage under way, and a sampler reads the process's
/// resident memory and .NET's heap every <see cref="Interval"/>, keeping per stage the highest resident figure and the
/// managed heap at that moment (the rest is native: DuckDB's buffer pool, its allocations outside it, the runtime).
/// A sample can miss a spike shorter than the interval; the run's true peak is <see cref="PeakMemory"/>'s.
/// At each stage's beginning and end (on the run's thread, its connection idle) it also reads what DuckDB itself says
/// it holds, <c>duckdb_memory()</c> of the last database the run opened (<see cref="DuckDbMemory.Applied"/>): what is
/// resident beyond that and .NET's heap is held outside DuckDB's buffer pool and its limit.
/// </summary>
public sealed class StageMemory : IProgress<PipelineProgress>, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The highest resident memory sampled while a stage ran, and .NET's share of it then, in MB.</summary>
    public sealed record Peak(
        [property: JsonPropertyName("resident_mb")] double ResidentMb,
        [property: JsonPropertyName("managed_mb")] double ManagedMb)
    {
        /// <summary>The most DuckDB accounted for at the stage's beginning or end (buffer pool, MB), its spill then, and its largest tags.</summary>
        [JsonPropertyName("duckdb_mb")] public double? DuckDbMb { get; init; }
        [JsonPropertyName("duckdb_spilled_mb")] public double? DuckDbSpilledMb { get; init; }
        [JsonPropertyName("duckdb_tags")] public string? DuckDbTags { get; init; }
    }

    readonly Dictionary<string, Peak> _peaks = new();
    readonly Lock _gate = new();
    readonly Timer _timer;
    string _stage = "start";

    readonly Action<DuckDBConnection> _opened;
    DuckDBConnection? _duck;

    public StageMemory()
    {
        _opened = c => _duck = c;
        DuckDbMemory.Applied += _opened;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Interval);
    }

    /// <summary>The stages in the order they began, each with its peak.</summary>
    public IReadOnlyList<(string Stage, Peak Peak)> Peaks
    {
        get { lock (_gate) return _peaks.Select(p => (p.Key, p.Value)).ToList(); }
    }

    public void Report(PipelineProgress value)
    {
        // "stage" begins it; "stage:done", "rows" and "warning" leave the stage as it is (the pseudonym maps run beside
        // validation, so what they hold is charged to validate).
        if (value.Stage is "rows" or "warning") return;
        var done = value.Stage.EndsWith(":done", StringComparison.Ordinal);
        var stage = done ? value.Stage[..^":done".Length] : value.Stage;
        if (!done) lock (_gate) _stage = stage;
        Sample();
        ReadDuckDb(stage);
    }

    /// <summary>duckdb_memory() of the run's database, charged to <paramref name="stage"/> when it is the most seen there.</summary>
    void ReadDuckDb(string stage)
    {
        if (_duck is not { State: System.Data.ConnectionState.Open } conn) return;
        double used = 0, spilled = 0;
        var tags = new List<(string Tag, double Mb)>();
        try
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory()";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var mb = Convert.ToDouble(r.GetValue(1)) / 1048576.0;
                used += mb;
                spilled += Convert.ToDouble(r.GetValue(2)) / 1048576.0;
                if (mb >= 1) tags.Add((r.GetString(0), mb));
            }
        }
        catch (Exception e) when (e is DuckDBException or ObjectDisposedException or InvalidOperationException)
        {
            return; // closed meanwhile: nothing to read
        }
        var top = string.Join(" ", tags.OrderByDescending(t => t.Mb).Take(4).Select(t => $"{t.Tag}={t.Mb:0}"));
        lock (_gate)
        {
            var peak = _peaks.GetValueOrDefault(stage) ?? new Peak(0, 0);
            if (peak.DuckDbMb is null || used > peak.DuckDbMb)
                _peaks[stage] = peak with { DuckDbMb = Math.Round(used), DuckDbSpilledMb = Math.Round(spilled), DuckDbTags = top };
        }
    }

    void Sample()
    {
        var resident = ResidentMb();
        if (resident <= 0) return;
        var managed = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
        lock (_gate)
            if (!_peaks.TryGetValue(_stage, out var peak) || resident > peak.ResidentMb)
                _peaks[_stage] = (peak ?? new Peak(0, 0)) with { ResidentMb = Math.Round(resident), ManagedMb = Math.Round(managed) };
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
        DuckDbMemory.Applied -= _opened;
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done)) done.WaitOne(TimeSpan.FromSeconds(5));
    }
}
