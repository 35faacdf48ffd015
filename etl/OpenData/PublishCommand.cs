using Monitoring.Etl.Cli;
using Monitoring.DataDir;

namespace Monitoring.Etl.OpenData;

/// <summary>`publish --data DATA_DIR --out DIR [--base-url URL]`: the open-data release of the snapshot in service.</summary>
public static class PublishCommand
{
    public static int Run(string[] args)
    {
        var cli = new CliArgs(args);
        var dataDir = DataDirectory.Locate(cli.Get("data"));
        var outDir = cli.Require("out", "publish");
        var options = cli.Get("base-url") is { } url ? new OpenDataOptions { BaseUrl = url } : new OpenDataOptions();
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
