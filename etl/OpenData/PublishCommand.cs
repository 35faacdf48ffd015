using System.CommandLine;
using Monitoring.Etl.Cli;
using Monitoring.DataDir;

namespace Monitoring.Etl.OpenData;

/// <summary>`publish --data DATA_DIR --out DIR [--base-url URL]`: the open-data release of the snapshot in service.</summary>
public static class PublishCommand
{
    public static Verb Verb()
    {
        var data = CommonOptions.Data();
        var output = CommonOptions.Out("the folder that holds the releases (one versioned folder per release)");
        var baseUrl = new Option<string?>("--base-url") { Description = "where the release will be served (written into its metadata)", HelpName = "URL" };
        var verb = new Verb("publish", "write the open-data release of the snapshot in service (exit 3 when that release exists already)") { data, output, baseUrl };
        verb.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.GetValue(output)!,
            parsed.GetValue(baseUrl) is { } url ? new OpenDataOptions { BaseUrl = url } : new OpenDataOptions()));
        return verb;
    }

    public static int Run(string dataDir, string outDir, OpenDataOptions options)
    {
        try
        {
            var p = OpenDataPublisher.Publish(dataDir, outDir, options);
            Console.WriteLine($"release {p.ReleaseId}");
            Console.WriteLine($"folder  {p.Folder}");
            Console.WriteLine($"rows    {p.Rows:N0}  " + string.Join("  ", p.RowsByStatus.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}")));
            Console.WriteLine($"disclosure control {p.DisclosureTime.TotalMilliseconds:N0} ms");
            return 0;
        }
        catch (ReleaseExistsException e) { Console.Error.WriteLine(e.Message); return 3; }
        catch (InvalidOperationException e) { Console.Error.WriteLine("publish: " + e.Message); return 1; }
    }
}
