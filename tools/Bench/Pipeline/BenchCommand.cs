using Monitoring.DataDir.Runs;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Monitoring.Etl.Cli;
using Monitoring.Tools.Generate;
using Monitoring.Etl;
using Monitoring.Etl.Pipeline;
using Monitoring.Tools.Bench.Panels;
using Spectre.Console;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>
/// `monitoring-bench pipeline --preset national`: generates the export once (cached), then measures, in this process,
/// DuckDB's native CSV → Parquet of the same files, the full pipeline per stage (and its peak memory alone,
/// <see cref="PeakMemory"/>), every dashboard panel on the snapshot it published, and a 1% daily delta; prints the
/// ratios against the targets and writes them as JSON. `--scales a,b,…` runs this once per scale, each in a child
/// process (<see cref="ScaleRunner"/>).
/// </summary>
public static class BenchCommand
{
    const double FullTarget = 2.0, DeltaTarget = 0.10, MemoryTargetMb = 3072;

    public static Verb Verb()
    {
        var preset = new Option<string>("--preset") { Description = "the export's size: tiny, regional, national (~18M rows; minutes) or history (~4× national; ~4 GB of CSV)", HelpName = "PRESET", DefaultValueFactory = _ => "national" };
        preset.AcceptOnlyFromAmong(Scales);
        var scales = new Option<string?>("--scales") { Description = $"run the benchmark once per scale, each in a child process, and report them side by side (e.g. {string.Join(",", Scales)}); replaces --preset", HelpName = "LIST" };
        scales.Validators.Add(r =>
        {
            var list = SplitScales(r.GetValueOrDefault<string?>());
            if (list.Count == 0) r.AddError("--scales needs at least one scale");
            foreach (var bad in list.Where(x => !Scales.Contains(x))) r.AddError($"unknown scale {bad} (one of {string.Join(", ", Scales)})");
            foreach (var twice in list.GroupBy(x => x).Where(g => g.Count() > 1)) r.AddError($"scale {twice.Key} is listed twice");
        });
        var panelRepeat = new Option<int>("--panel-repeat") { Description = "warm calls per dashboard panel on the published snapshot (0: panels not measured)", HelpName = "N", DefaultValueFactory = _ => QueryBenchmark.DefaultRepeat };
        panelRepeat.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--panel-repeat must be 0 or more"); });
        var seed = new Option<int>("--seed") { Description = "the generator's seed", HelpName = "N", DefaultValueFactory = _ => 7 };
        var work = new Option<string?>("--work") { Description = "where the export (generated once, then reused), the native baseline and the data go (default .bench/PRESET; with --scales, .bench with a folder per scale)", HelpName = "DIR" };
        var deltaOnly = new Option<bool>("--delta-only") { Description = "only the 1% daily delta, applied to the snapshot WORK/data holds, in this process (how the benchmark measures the delta in a child process of its own)" };
        var output = new Option<string?>("--out") { Description = "where to write the results as JSON (default WORK/bench.json)", HelpName = "FILE.json" };
        var verb = new Verb("pipeline", "time the full pipeline and a 1% daily delta against DuckDB's native CSV → Parquet of the same files, and the panels on the snapshot")
        {
            preset, scales, seed, work, output, panelRepeat, deltaOnly,
        };
        verb.UsageExit = 2;
        verb.SetAction(parsed =>
        {
            if (parsed.GetValue(scales) is { } list)
            {
                var root = Path.GetFullPath(parsed.GetValue(work) ?? ".bench");
                return ScaleRunner.Run(SplitScales(list), parsed.GetValue(seed), root, parsed.GetValue(output) ?? Path.Combine(root, "bench.json"), parsed.GetValue(panelRepeat));
            }
            if (parsed.GetValue(deltaOnly))
            {
                var deltaWork = Path.GetFullPath(parsed.GetValue(work) ?? Path.Combine(".bench", parsed.GetValue(preset)!));
                return DeltaPhase.Run(deltaWork, Path.Combine(deltaWork, $"export-seed{parsed.GetValue(seed)}"), parsed.GetValue(output) ?? Path.Combine(deltaWork, "delta.json"));
            }
            return Run(parsed.GetValue(preset)!, parsed.GetValue(seed), parsed.GetValue(work), parsed.GetValue(output), parsed.GetValue(panelRepeat));
        });
        return verb;
    }

    /// <summary>The presets the benchmark runs, smallest first.</summary>
    public static readonly string[] Scales = ["tiny", "regional", "national", "history"];

    static List<string> SplitScales(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.ToLowerInvariant()).ToList();

    public static int Run(string presetName, int seed, string? workDir, string? outPath, int panelRepeat = QueryBenchmark.DefaultRepeat)
    {
        var preset = Enum.Parse<GeneratorPreset>(presetName, ignoreCase: true);
        var work = Path.GetFullPath(workDir ?? Path.Combine(".bench", presetName));
        var output = outPath ?? Path.Combine(work, "bench.json");
        var export = Path.Combine(work, $"export-seed{seed}");
        if (Environment.GetEnvironmentVariable("MONITORING_PSEUDONYM_KEY") is null)
            Environment.SetEnvironmentVariable("MONITORING_PSEUDONYM_KEY", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        if (!File.Exists(Path.Combine(export, "manifest.json")))
        {
            AnsiConsole.MarkupLine($"generating the {presetName} export once into {export} …");
            ExportGenerator.Generate(new GeneratorOptions { Preset = preset, Seed = seed, OutputDirectory = export });
        }

        AnsiConsole.MarkupLine("native DuckDB read_csv → COPY (FORMAT parquet) …");
        var (nativeSeconds, nativeRows) = NativeBaseline.Run(export, Path.Combine(work, "native"));

        var data = Path.Combine(work, "data");
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        AnsiConsole.MarkupLine("full pipeline …");
        // The generator's and the native baseline's memory are not the pipeline's: MeasuredRun resets the peak mark.
        var (full, fullSeconds, peakMb, residentMb, peakOwn, stagesPeak) = MeasuredRun.Of(new PipelineOptions { Source = export, DataDir = data });

        // The panels on the snapshot the full run published (the delta's would differ by 1%).
        BenchmarkReport? panels = null;
        if (panelRepeat > 0 && full.Status == RunStatus.Succeeded)
        {
            AnsiConsole.MarkupLine($"dashboard panels ({panelRepeat} warm calls each) …");
            panels = QueryBenchmark.Run(data, panelRepeat);
        }

        // The delta in a process of its own, as `etl run` or the scheduler's job runs it: its peak is its own, not what
        // the full run, the panels and the delta export's making left resident in this one.
        AnsiConsole.MarkupLine("daily delta (1%, child process) …");
        var deltaOut = Path.Combine(work, "delta.json");
        if (File.Exists(deltaOut)) File.Delete(deltaOut);
        ChildProcess.Run(["pipeline", "--delta-only", "--preset", presetName, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--work", work, "--out", deltaOut]);
        var delta = File.Exists(deltaOut) ? JsonSerializer.Deserialize<DeltaPhase.Result>(File.ReadAllText(deltaOut), DeltaPhase.Json) : null;
        var deltaReport = delta?.Report ?? new RunReport { Status = RunStatus.Failed, Error = "the delta's child process ended without results" };
        var deltaSeconds = delta?.Seconds ?? double.NaN;
        var deltaPeakMb = delta?.PeakMb ?? double.NaN;
        var deltaResidentMb = delta?.ResidentAtStartMb ?? double.NaN;

        var rows = full.Files.Values.Sum(f => f.Read);
        var result = new
        {
            date = DateTimeOffset.UtcNow,
            machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            preset = presetName,
            rows,
            native_csv_to_parquet_seconds = Math.Round(nativeSeconds, 2),
            native_rows = nativeRows,
            full_run_seconds = Math.Round(fullSeconds, 2),
            full_status = full.Status,
            full_ratio_to_native = Math.Round(fullSeconds / nativeSeconds, 2),
            full_rows_per_second = Math.Round(rows / fullSeconds),
            stages_seconds = full.StageSeconds,
            // The highest resident memory sampled while each stage ran, and .NET's heap then (StageMemory).
            stages_peak_mb = stagesPeak,
            peak_memory_mb = Math.Round(peakMb),
            delta_peak_memory_mb = Math.Round(deltaPeakMb),
            resident_at_start_mb = Math.Round(residentMb),
            delta_resident_at_start_mb = Math.Round(deltaResidentMb),
            // true: each peak is the run's alone (the high-water mark was reset before it); false: the process's since it began.
            peak_memory_per_run = peakOwn,
            duckdb_memory_limit = DuckDbMemory.Limit,
            delta_run_seconds = Math.Round(deltaSeconds, 2),
            delta_status = deltaReport.Status,
            delta_ratio_to_full = Math.Round(deltaSeconds / fullSeconds, 3),
            delta_stages_seconds = deltaReport.StageSeconds,
            delta_stages_peak_mb = delta?.StagesPeak,
            panels,
            targets = new { full_ratio = FullTarget, delta_ratio = DeltaTarget, peak_memory_mb = MemoryTargetMb, panel_p95_ms = QueryBenchmark.DefaultTargetMs },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));

        WideWhenRedirected();
        var t = new Table().AddColumns("measure", "value", "target", "verdict");
        t.AddRow("native CSV → Parquet", $"{nativeSeconds:0.0} s", "", "");
        t.AddRow("full pipeline", $"{fullSeconds:0.0} s ({full.Status.Text()})", "", "");
        t.AddRow("full ÷ native", $"{fullSeconds / nativeSeconds:0.00}×", $"≤ {FullTarget}×", Verdict(fullSeconds / nativeSeconds <= FullTarget));
        t.AddRow("peak memory, full run", $"{peakMb:N0} MB{(peakOwn ? $" ({residentMb:N0} resident when it began)" : " (process)")}", $"≤ {MemoryTargetMb:N0} MB", Verdict(peakMb <= MemoryTargetMb));
        t.AddRow("delta (1%)", $"{deltaSeconds:0.0} s ({deltaReport.Status.Text()})", "", "");
        t.AddRow("peak memory, delta", $"{deltaPeakMb:N0} MB{(peakOwn ? $" ({deltaResidentMb:N0} resident when it began)" : " (process)")}", $"≤ {MemoryTargetMb:N0} MB", Verdict(deltaPeakMb <= MemoryTargetMb));
        t.AddRow("delta ÷ full", $"{deltaSeconds / fullSeconds:P0}", $"≤ {DeltaTarget:P0}", Verdict(deltaSeconds / fullSeconds <= DeltaTarget));
        // Pseudonym maps are built beside validation on a full export: the stages add up to more than the total.
        foreach (var (stage, s) in full.StageSeconds) t.AddRow($"  stage {stage}{(stage == "pseudonymize" ? " (beside validate)" : "")}", $"{s:0.00} s{PeakOf(stagesPeak, stage)}", "", "");
        // The delta's own stages: which of them keeps it above its target.
        foreach (var (stage, s) in deltaReport.StageSeconds) t.AddRow($"  delta stage {stage}", $"{s:0.00} s{PeakOf(delta?.StagesPeak, stage)}", "", "");
        t.AddRow("rows", $"{rows:N0} ({rows / fullSeconds:N0}/s)", "", "");
        if (panels is not null)
        {
            var worst = panels.Panels.MaxBy(p => p.P95Ms)!;
            t.AddRow("dashboard panels: worst p95", $"{worst.P95Ms:0.0} ms ({worst.Panel})", $"≤ {panels.TargetMs:0} ms", Verdict(panels.AllMet));
            foreach (var p in panels.Panels) t.AddRow($"  panel {p.Panel}", $"p95 {p.P95Ms:0.0} ms (median {p.MedianMs:0.0}, cold {p.ColdMs:0.0})", "", p.Met ? "" : Verdict(false));
        }
        AnsiConsole.Write(t);
        AnsiConsole.MarkupLine($"written to {output}");
        return full.Status == RunStatus.Succeeded && deltaReport.Status == RunStatus.Succeeded ? 0 : 1;
    }

    /// <summary>", peak 1,234 MB resident (.NET 56 MB)" for a stage whose memory was sampled.</summary>
    static string PeakOf(Dictionary<string, StageMemory.Peak>? peaks, string stage) =>
        peaks?.GetValueOrDefault(stage) is { } p
            ? $", peak {p.ResidentMb:N0} MB resident (.NET {p.ManagedMb:N0} MB{(p.DuckDbMb is { } d ? $"; DuckDB {d:N0} MB, spilled {p.DuckDbSpilledMb:N0}: {p.DuckDbTags}" : "")})"
            : "";

    /// <summary>Written to a log, the console has no width: Spectre would assume 80 columns and fold every cell.</summary>
    internal static void WideWhenRedirected()
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
    }

    internal static string Verdict(bool met) => met ? "[green]met[/]" : "[red]MISSED[/]";
}
