using System.CommandLine;
using System.Globalization;
using Monitoring.Etl.Cli;
using Monitoring.DataDir;

namespace Monitoring.Etl.Research;

/// <summary>`extract --data DATA_DIR --project NAME --out DIR [--k 5] [--demo]`: a research extract for one project.</summary>
public static class ExtractCommand
{
    public static Verb Verb()
    {
        var data = CommonOptions.Data();
        var project = new Option<string>("--project") { Description = "the research project (its pseudonyms are derived for it alone)", HelpName = "NAME", Required = true };
        var output = CommonOptions.Out("the folder to write the extract into");
        var k = new Option<string?>("--k") { Description = "k-anonymity: every combination of quasi-identifiers is shared by at least k records (default 5)", HelpName = "K" };
        var demo = CommonOptions.Demo();
        var verb = new Verb("extract", "write a k-anonymous research extract of the snapshot in service for one project") { data, project, output, k, demo };
        verb.SetAction(parsed => Run(new ResearchExtractOptions
        {
            DataDir = parsed.GetValue(data)!,
            Project = parsed.GetValue(project)!,
            OutDir = parsed.GetValue(output)!,
            K = parsed.GetValue(k) is { } text
                ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : throw new CliUsageException("extract: --k must be a whole number ≥ 2")
                : 5,
            Demo = CommonOptions.IsDemo(parsed, demo),
        }));
        return verb;
    }

    public static int Run(ResearchExtractOptions options)
    {
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
