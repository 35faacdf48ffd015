using System.Globalization;
using Monitoring.Etl.Cli;
using Monitoring.DataDir;

namespace Monitoring.Etl.Research;

/// <summary>`extract --data DATA_DIR --project NAME --out DIR [--k 5] [--demo]`: a research extract for one project.</summary>
public static class ExtractCommand
{
    public static int Run(string[] args)
    {
        var cli = new CliArgs(args);
        var k = cli.Get("k") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : throw new CliUsageException("extract: --k must be a whole number ≥ 2")
            : 5;
        var options = new ResearchExtractOptions
        {
            DataDir = DataDirectory.Locate(cli.Get("data")),
            Project = cli.Require("project", "extract"),
            OutDir = cli.Require("out", "extract"),
            K = k,
            Demo = cli.Has("demo") || Environment.GetEnvironmentVariable("MONITORING_DEMO") == "1",
        };
        try
        {
            var report = ResearchExtractor.Extract(options);
            Console.WriteLine($"extract {report.Project}  folder {report.Folder}");
            Console.WriteLine($"k = {report.K}, achieved {report.AchievedK}; generalization rung {report.GeneralizationRung}: " + string.Join("; ", report.Generalized));
            foreach (var a in report.Anonymity)
                Console.WriteLine($"  {a.Table,-10} {a.Records,9:N0} records  {a.Suppressed,7:N0} suppressed ({a.SuppressedShare:P1})  smallest class {a.AchievedK}");
            foreach (var (table, rows) in report.Rows) Console.WriteLine($"  {table}.parquet {rows:N0} rows");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine("extract: " + e.Message);
            return 1;
        }
    }
}
