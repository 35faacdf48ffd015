using System.Diagnostics;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Pipeline;

/// <summary>Times each stage into the run report (seconds, summed per stage) and reports progress.</summary>
public sealed class StageTimer(RunReport report, IProgress<PipelineProgress>? progress)
{
    public T Run<T>(string stage, string? file, Func<T> work)
    {
        progress?.Report(new PipelineProgress(stage, file, 0, 0));
        var clock = Stopwatch.StartNew();
        var result = work();
        Record(stage, clock.Elapsed.TotalSeconds);
        progress?.Report(new PipelineProgress(stage + ":done", file, 0, clock.Elapsed.TotalSeconds));
        return result;
    }

    public void Run(string stage, string? file, Action work) => Run<object?>(stage, file, () => { work(); return null; });

    /// <summary>
    /// Gives a stage its place in the report's order now, for one that finishes later, beside the next
    /// (the pseudonym maps beside validation): the report lists the stages in the order they began.
    /// </summary>
    public void Reserve(string stage) => report.StageSeconds.TryAdd(stage, 0);

    public void Record(string stage, double seconds) =>
        report.StageSeconds[stage] = Math.Round(report.StageSeconds.GetValueOrDefault(stage) + seconds, 3);

    public void Rows(string file, long rows) => progress?.Report(new PipelineProgress("rows", file, rows, 0));

    public void Warn(string message)
    {
        report.Warnings.Add(message);
        progress?.Report(new PipelineProgress("warning", message, 0, 0));
    }
}
