using Monitoring.Etl.Pipeline;
using Spectre.Console;
using Monitoring.DataDir.Runs;
using Monitoring.DataDir;

namespace Monitoring.Etl.Cli;

/// <summary>`run --source PATH --data DATA_DIR [--report FILE] [--demo] [--max-quarantined 5%] [--max-row-loss 5%] [--force]`: one export through the pipeline, with progress and a summary.</summary>
public static class RunCommand
{
    public static int Run(CliArgs args)
    {
        PublishGuard guard;
        try
        {
            var configured = PublishGuard.FromEnvironment();
            guard = new PublishGuard(
                PublishGuard.ParseShare(args.Get("max-quarantined"), "--max-quarantined") ?? configured.MaxQuarantinedShare,
                PublishGuard.ParseShare(args.Get("max-row-loss"), "--max-row-loss") ?? configured.MaxRowLossShare,
                args.Has("force"));
        }
        catch (ArgumentException e) { throw new CliUsageException(e.Message); }
        var options = new PipelineOptions
        {
            Source = args.Require("source", "run"),
            DataDir = DataDirectory.Locate(args.Get("data")),
            ReportPath = args.Get("report"),
            Demo = args.Has("demo") || Environment.GetEnvironmentVariable("MONITORING_DEMO") == "1",
            Guard = guard,
        };
        var report = RunWithProgress(options);
        RunSummary.Print(report);
        if (report.ReportNotWritten is { } notWritten) Console.Error.WriteLine(notWritten);
        return report.Status switch { RunStatus.Succeeded => 0, RunStatus.Refused => 2, _ => 1 };
    }

    public static RunReport RunWithProgress(PipelineOptions options)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and CI: one line per finished stage instead of a live display.
            double lastReadSeconds = 0;
            var plain = new SyncProgress(p =>
            {
                if (p.Stage == "read:done") lastReadSeconds = p.Seconds;
                else if (p.Stage.EndsWith(":done")) Console.WriteLine($"  {p.Stage[..^5],-14} {p.File,-22} {p.Seconds,7:0.00} s");
                else if (p.Stage == "rows")
                    Console.WriteLine($"  {"read",-14} {p.File,-18} {lastReadSeconds,6:0.00} s {p.Rows,10:N0} rows {p.Rows / Math.Max(lastReadSeconds, 0.001),10:N0}/s");
                else if (p.Stage == "warning")
                    foreach (var line in TerminalText.Wrap("  warning: " + p.File)) Console.WriteLine(line);
            });
            return PipelineRunner.Run(options, plain);
        }
        RunReport? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                long rows = 0;
                var sync = new SyncProgress(p =>
                {
                    if (p.Stage == "warning") { AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {p.File}"); return; }
                    if (p.Stage == "rows") { rows += p.Rows; return; }
                    var stage = p.Stage.Replace(":done", "");
                    if (!tasks.TryGetValue(stage, out var t)) tasks[stage] = t = ctx.AddTask(stage, maxValue: 1).IsIndeterminate();
                    t.Description = $"{stage,-14} {p.File}{(stage == "read" ? $" · {rows:N0} rows" : "")}";
                    if (p.Stage.EndsWith(":done")) { t.IsIndeterminate(false); t.Value = 1; }
                });
                result = PipelineRunner.Run(options, sync);
            });
        return result!;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the live display wants updates in order, on the caller's thread.</summary>
    sealed class SyncProgress(Action<PipelineProgress> handler) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => handler(value);
    }
}
