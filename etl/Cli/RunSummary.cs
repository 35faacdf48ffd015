using Monitoring.Etl.Pipeline;
using Spectre.Console;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Cli;

/// <summary>
/// The one-screen end of a run: status, per-file reconciliation, quarantine reasons, stage times. Every line fits 80
/// columns by itself (<see cref="TerminalText"/>), so a narrow terminal does not break a label in two.
/// </summary>
public static class RunSummary
{
    public static void Print(RunReport r)
    {
        var colour = r.Status == RunStatus.Succeeded ? "green" : "red";
        AnsiConsole.MarkupLineInterpolated($"[bold {colour}]{r.Status.Text().ToUpperInvariant()}[/]  run {r.RunId}");
        AnsiConsole.MarkupLineInterpolated($"  export          {r.ExportId ?? "?"}");
        AnsiConsole.MarkupLineInterpolated($"  reference date  {r.ReferenceDate ?? "?"}");
        if (r.Error is not null)
            foreach (var line in TerminalText.Wrap(r.Error)) AnsiConsole.MarkupLineInterpolated($"[red]{line}[/]");
        if (r.Files.Count > 0)
        {
            var t = new Table().AddColumns("file", "read", "loaded", "quarantined", "reasons");
            foreach (var (file, c) in r.Files)
                t.AddRow(file, $"{c.Read:N0}", $"{c.Loaded:N0}", $"{c.Quarantined:N0}",
                    Markup.Escape(string.Join(", ", c.Reasons.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N0}"))));
            AnsiConsole.Write(t);
        }
        foreach (var line in TerminalText.Items("stages:", r.StageSeconds.Select(kv => $"{kv.Key} {kv.Value:0.00}s")))
            AnsiConsole.MarkupLineInterpolated($"{line}");
        AnsiConsole.MarkupLineInterpolated($"peak memory {r.PeakMemoryMb:N0} MB");
    }
}
