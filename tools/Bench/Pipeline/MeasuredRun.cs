using System.Diagnostics;
using Monitoring.DataDir.Runs;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// One pipeline run timed and measured as the bench reports it: the peak mark reset first (what the process did before
/// is not the run's), the resident memory when it began, and each stage's peak (<see cref="StageMemory"/>).
/// The full run (<see cref="BenchCommand"/>) and the delta in its child process (<see cref="DeltaPhase"/>) both.
/// </summary>
public sealed record MeasuredRun(RunReport Report, double Seconds, double PeakMb, double ResidentAtStartMb, bool PeakOwn,
    Dictionary<string, StageMemory.Peak> StagesPeak)
{
    public static MeasuredRun Of(PipelineOptions options)
    {
        var own = PeakMemory.Reset();
        var resident = PeakMemory.ResidentMb();
        var clock = Stopwatch.StartNew();
        using var memory = new StageMemory();
        var report = PipelineRunner.Run(options, memory);
        var peaks = memory.Peaks.ToDictionary(p => p.Stage, p => p.Peak);
        var seconds = clock.Elapsed.TotalSeconds;
        return new MeasuredRun(report, seconds, PeakMemory.Mb(), resident, own, peaks);
    }
}
