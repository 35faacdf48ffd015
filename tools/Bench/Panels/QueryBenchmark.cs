using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Monitoring.Access;
using Monitoring.Access.Scope;
using Monitoring.Access.Views;
using Monitoring.Dashboards.Queries;
using Monitoring.Dashboards.Views;
using Monitoring.Etl.Cli;

namespace Monitoring.Tools.Bench.Panels;

/// <summary>
/// Times each panel's query on a DATA_DIR without the web host: the first call (cold), then N warm calls, of
/// which the median and the 95th percentile are reported against a target (100 ms, issue 7). The query layer
/// is measured as pages call it, with no result cache in front (only the snapshot's small lookups are cached).
/// Run: dotnet monitoring-bench.dll panels --data DATA_DIR [--repeat 30] [--target 100] [--out FILE.json].
/// </summary>
public static class QueryBenchmark
{
    public const double DefaultTargetMs = 100;
    public const int DefaultRepeat = 30;

    /// <summary>The panels and the scopes they are asked for: each one as its page asks for it.</summary>
    public static IReadOnlyList<(string Panel, UserScope Scope, PanelFilter Filter)> Plans(DashboardQueries q)
    {
        var ats = q.Meta.Ats().FirstOrDefault() ?? throw new InvalidOperationException("no ATS in the snapshot");
        var region = ats.RegionCode!;
        var cm = q.Meta.FirstCaseManager(ats.Code);
        var coordinator = new UserScope(UserRole.Coordinator, region, ats.Code);
        // The latest flag episode of the register (a load fills it), for its history and trend panels.
        var episode = q.FollowUp.All().List.FirstOrDefault()?.EpisodeId ?? "";
        return
        [
            ("ministry-headlines", UserScope.Ministry, new()),
            ("ministry-flags", UserScope.Ministry, new()),
            ("ministry-funnel", UserScope.Ministry, new()),
            ("ministry-heat", UserScope.Ministry, new()),
            ("ministry-drill", UserScope.Ministry, new() { Region = region }),
            ("trend", UserScope.Ministry, new() { Ats = ats.Code }),
            ("planner-staffing", new UserScope(UserRole.PlannerAts, region, ats.Code), new() { Growth = 10 }),
            ("casework-workload", coordinator, new()),
            ("casework-waiting", coordinator, new()),
            ("casework-steps", cm is null ? coordinator : new UserScope(UserRole.CaseManager, region, ats.Code, cm), new()),
            ("public-headlines", UserScope.Public, new()),
            ("public-trend", UserScope.Public, new() { Region = region }),
            ("glossary", UserScope.Public, new()),
            ("episodes", UserScope.Ministry, new()),
            ("episode-history", UserScope.Ministry, new() { Episode = episode }),
            ("episode-trend", UserScope.Ministry, new() { Episode = episode }),
            ("episode-summary", UserScope.Ministry, new()),
            ("casework-steps-per-cm", coordinator, new()),
            ("casework-unassigned", coordinator, new()),
            ("casework-leavers", coordinator, new()),
            ("casework-next", coordinator, new()),
            ("planner-region-ats", new UserScope(UserRole.PlannerRegion, region), new()),
            ("planner-ats-peers", new UserScope(UserRole.PlannerAts, region, ats.Code), new()),
            ("planner-staffing-fte", new UserScope(UserRole.PlannerRegion, region), new()),
            ("planner-budget", new UserScope(UserRole.PlannerRegion, region), new()),
            ("public-map", UserScope.Public, new()),
            ("ministry-map", UserScope.Ministry, new()),
            ("planner-map", new UserScope(UserRole.PlannerRegion, region), new()),
            ("planner-whatif", new UserScope(UserRole.PlannerRegion, region), new() { MoveFrom = WhatIfQueries.NewHires, MoveTo = ats.Code, MoveFte = "1" }),
            ("dimension-members", new UserScope(UserRole.PlannerRegion, region), new() { Dimension = DimensionQueries.MeasureDimension }),
            ("measure-trend", new UserScope(UserRole.PlannerAts, region, ats.Code), new()),
            ("public-members", UserScope.Public, new() { Region = region }),
        ];
    }

    public static BenchmarkReport Run(string dataDir, int repeat = DefaultRepeat, double targetMs = DefaultTargetMs, Action<PanelTiming>? progress = null)
    {
        if (repeat < 1) throw new ArgumentOutOfRangeException(nameof(repeat), "repeat must be at least 1");
        var loadBefore = BenchmarkReport.LoadAverage();
        using var q = new DashboardQueries(dataDir);
        var runId = q.Connections.Store.CurrentRunId() ?? "";
        var results = new List<PanelTiming>();
        foreach (var (panel, scope, filter) in Plans(q))
        {
            var sw = Stopwatch.StartNew();
            var grid = q.Panel(panel, scope, filter);
            var cold = sw.Elapsed.TotalMilliseconds;
            var warm = new List<double>(repeat);
            for (var i = 0; i < repeat; i++)
            {
                sw.Restart();
                q.Panel(panel, scope, filter);
                warm.Add(sw.Elapsed.TotalMilliseconds);
            }
            warm.Sort();
            var timing = new PanelTiming(panel, scope.Role, grid.Rows.Count, cold, PanelTiming.Median(warm),
                PanelTiming.Percentile(warm, 95), warm[^1], repeat, targetMs);
            progress?.Invoke(timing);
            results.Add(timing);
        }
        return new BenchmarkReport(runId, DateTime.UtcNow, repeat, targetMs, Environment.ProcessorCount, loadBefore,
            BenchmarkReport.LoadAverage(), results);
    }

    /// <summary>
    /// The `panels` verb: prints a table and a verdict; exit 0 when every panel met the target, 1 when one missed, 2 on usage.
    /// </summary>
    public static Verb Verb()
    {
        var data = new Option<string?>("--data") { Description = "the data directory whose snapshot in service is measured (default: the DATA_DIR variable)", HelpName = "DATA_DIR" };
        var repeat = new Option<int>("--repeat") { Description = $"warm calls per panel", HelpName = "N", DefaultValueFactory = _ => DefaultRepeat };
        repeat.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--repeat must be at least 1"); });
        var target = new Option<double>("--target") { Description = $"the p95 target per panel in milliseconds", HelpName = "MS", DefaultValueFactory = _ => DefaultTargetMs };
        target.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) r.AddError("--target must be positive"); });
        var outPath = new Option<string?>("--out") { Description = "also write the timings as JSON to this file", HelpName = "FILE.json" };
        var verb = new Verb("panels", "time every dashboard panel's query on a DATA_DIR without the web host (cold, median and p95 of warm calls)")
        {
            data, repeat, target, outPath,
        };
        verb.UsageExit = 2;
        verb.SetAction(parsed =>
        {
            var dataDir = parsed.GetValue(data) ?? Environment.GetEnvironmentVariable(Monitoring.DataDir.DataDirectory.EnvironmentVariable)
                          ?? throw new CliUsageException("--data DATA_DIR (or the DATA_DIR variable) is required");
            return Report(dataDir, parsed.GetValue(repeat), parsed.GetValue(target), parsed.GetValue(outPath), parsed.InvocationConfiguration.Output);
        });
        return verb;
    }

    static int Report(string dataDir, int repeat, double target, string? outPath, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"{"panel",-20} {"role",-14} {"rows",6} {"cold ms",9} {"median ms",10} {"p95 ms",9} {"max ms",9}  verdict (p95 <= {target.ToString(inv)} ms)");
        var report = Run(dataDir, repeat, target, p => output.WriteLine(string.Format(inv,
            "{0,-20} {1,-14} {2,6} {3,9:0.0} {4,10:0.0} {5,9:0.0} {6,9:0.0}  {7}",
            p.Panel, p.Role, p.Rows, p.ColdMs, p.MedianMs, p.P95Ms, p.MaxMs, p.Met ? "met" : "MISSED")));
        var missed = report.Panels.Where(p => !p.Met).Select(p => p.Panel).ToList();
        output.WriteLine($"snapshot {report.RunId}, {repeat} warm runs per panel, {report.Processors} processors, load average {report.LoadAverageBefore} → {report.LoadAverageAfter}");
        output.WriteLine(missed.Count == 0
            ? $"verdict: met — every panel's p95 is within {target.ToString(inv)} ms"
            : $"verdict: MISSED — p95 above {target.ToString(inv)} ms: {string.Join(", ", missed)}");
        if (outPath is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(outPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            output.WriteLine($"written {outPath}");
        }
        return missed.Count == 0 ? 0 : 1;
    }
}
