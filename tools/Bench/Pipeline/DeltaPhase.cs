using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.DataDir.Runs;
using Monitoring.Etl.Pipeline;
using Spectre.Console;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// `monitoring-bench pipeline --delta-only --work WORK --out FILE`: the 1% daily delta of WORK's export applied to the
/// snapshot WORK/data holds, in this process, which does nothing else — how <see cref="BenchCommand"/> measures the
/// delta in a child process of its own. The delta export is made first (<see cref="DeltaExportMaker"/>), and the peak
/// mark reset after it, so its making is not charged to the delta.
/// </summary>
public static class DeltaPhase
{
    public sealed record Result(
        [property: JsonPropertyName("seconds")] double Seconds,
        [property: JsonPropertyName("peak_mb")] double PeakMb,
        [property: JsonPropertyName("resident_at_start_mb")] double ResidentAtStartMb,
        [property: JsonPropertyName("peak_own")] bool PeakOwn,
        [property: JsonPropertyName("stages_peak")] Dictionary<string, StageMemory.Peak> StagesPeak,
        [property: JsonPropertyName("report")] RunReport Report);

    public static readonly JsonSerializerOptions Json = new(ReportJson.Options);

    public static int Run(string work, string export, string output)
    {
        var data = Path.Combine(work, "data");
        var delta = DeltaExportMaker.Make(export, Path.Combine(work, "delta"));
        var run = MeasuredRun.Of(new PipelineOptions { Source = delta, DataDir = data });
        var report = run.Report;
        var resident = run.ResidentAtStartMb;
        var result = new Result(run.Seconds, run.PeakMb, resident, run.PeakOwn, run.StagesPeak, report);
        File.WriteAllText(output, JsonSerializer.Serialize(result, Json));
        AnsiConsole.MarkupLine($"delta: {result.Seconds:0.0} s ({report.Status.Text()}), peak {result.PeakMb:N0} MB ({resident:N0} resident when it began)");
        return report.Status == RunStatus.Succeeded ? 0 : 1;
    }
}
