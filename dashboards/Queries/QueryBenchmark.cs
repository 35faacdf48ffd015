using System.Diagnostics;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// Times each panel's query on a DATA_DIR without the web host (first call = cold, then the median of warm
/// calls). Run: dotnet Monitoring.Dashboards.dll bench --data DATA_DIR [--repeat 5].
/// </summary>
public static class QueryBenchmark
{
    public sealed record Timing(string Panel, string Role, int Rows, double ColdMs, double WarmMedianMs);

    public static IReadOnlyList<Timing> Run(string dataDir, int repeat = 5)
    {
        using var q = new DashboardQueries(dataDir);
        var ats = q.Meta.Ats().FirstOrDefault() ?? throw new InvalidOperationException("no ATS in the snapshot");
        var region = ats.RegionCode!;
        var cm = q.Meta.FirstCaseManager(ats.Code);
        var coordinator = new UserScope(UserRole.Coordinator, region, ats.Code);
        var plans = new (string Panel, UserScope Scope, PanelFilter Filter)[]
        {
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
        };
        var results = new List<Timing>();
        foreach (var (panel, scope, filter) in plans)
        {
            var sw = Stopwatch.StartNew();
            var grid = q.Panel(panel, scope, filter);
            var cold = sw.Elapsed.TotalMilliseconds;
            var warm = new List<double>();
            for (var i = 0; i < repeat; i++)
            {
                sw.Restart();
                q.Panel(panel, scope, filter);
                warm.Add(sw.Elapsed.TotalMilliseconds);
            }
            warm.Sort();
            results.Add(new Timing(panel, scope.Role, grid.Rows.Count, cold, warm[warm.Count / 2]));
        }
        return results;
    }

    public static int RunCommand(string[] args, TextWriter output)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var dataDir = Arg("--data") ?? Environment.GetEnvironmentVariable("DATA_DIR");
        if (dataDir is null) { output.WriteLine("usage: bench --data DATA_DIR [--repeat N]"); return 2; }
        var repeat = int.TryParse(Arg("--repeat"), out var r) ? r : 5;
        output.WriteLine($"{"panel",-20} {"role",-14} {"rows",6} {"cold ms",9} {"warm ms",9}");
        foreach (var t in Run(dataDir, repeat))
            output.WriteLine($"{t.Panel,-20} {t.Role,-14} {t.Rows,6} {t.ColdMs,9:0.0} {t.WarmMedianMs,9:0.0}");
        return 0;
    }
}
