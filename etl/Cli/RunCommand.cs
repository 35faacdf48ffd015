using System.CommandLine;
using Monitoring.Etl.Pipeline;
using Spectre.Console;
using Monitoring.DataDir.Runs;
using Monitoring.DataDir;

namespace Monitoring.Etl.Cli;

/// <summary>`run --source PATH --data DATA_DIR [--report FILE] [--demo] [--max-quarantined 5%] [--max-row-loss 5%] [--force]`: one export through the pipeline, with progress and a summary.</summary>
public static class RunCommand
{
    public static Verb Verb()
    {
        var source = new Option<string>("--source") { Description = "the export: a folder or a .zip holding manifest.json and the CSV files", HelpName = "EXPORT_DIR_OR_ZIP", Required = true };
        var data = CommonOptions.Data();
        var report = new Option<string?>("--report") { Description = "also write the run's JSON report to this file", HelpName = "FILE" };
        var demo = CommonOptions.Demo();
        var maxQuarantined = new Option<string?>("--max-quarantined") { Description = "refuse the run when a file quarantines more than this share of its rows (0.05 or 5%; default MONITORING_MAX_QUARANTINED or 5%)", HelpName = "SHARE" };
        var maxRowLoss = new Option<string?>("--max-row-loss") { Description = "refuse a full export that loads this share fewer rows of a file than the snapshot in service (default MONITORING_MAX_ROW_LOSS or 5%)", HelpName = "SHARE" };
        var force = new Option<bool>("--force") { Description = "publish even when the publish guard would refuse (a warning is recorded in the report)" };
        var verb = new Verb("run", "load one export through the pipeline and publish a new snapshot (exit 0 loaded, 2 refused, 1 failed)")
        {
            source, data, report, demo, maxQuarantined, maxRowLoss, force,
        };
        verb.SetAction(parsed =>
        {
            PublishGuard guard;
            try
            {
                var configured = PublishGuard.FromEnvironment();
                guard = new PublishGuard(
                    PublishGuard.ParseShare(parsed.GetValue(maxQuarantined), "--max-quarantined") ?? configured.MaxQuarantinedShare,
                    PublishGuard.ParseShare(parsed.GetValue(maxRowLoss), "--max-row-loss") ?? configured.MaxRowLossShare,
                    parsed.GetValue(force));
            }
            catch (ArgumentException e) { throw new CliUsageException(e.Message); }
            return Run(new PipelineOptions
            {
                Source = parsed.GetValue(source)!,
                DataDir = parsed.GetValue(data)!,
                ReportPath = parsed.GetValue(report),
                Demo = CommonOptions.IsDemo(parsed, demo),
                Guard = guard,
            });
        });
        return verb;
    }

    public static int Run(PipelineOptions options)
    {
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
