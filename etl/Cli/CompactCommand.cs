using System.CommandLine;
using Monitoring.Etl.Lake;

namespace Monitoring.Etl.Cli;

/// <summary>`compact --data DATA_DIR [--max-delta-files N]`: folds the delta files of the lake into a base, in a new snapshot.</summary>
public static class CompactCommand
{
    public const int DefaultMaxDeltaFiles = 3;

    public static Verb Verb()
    {
        var data = CommonOptions.Data();
        var max = new Option<int>("--max-delta-files")
        {
            Description = $"compact a table when its manifest lists more delta files than this (default {DefaultMaxDeltaFiles}; 0 compacts every table a delta touched)",
            HelpName = "N", DefaultValueFactory = _ => DefaultMaxDeltaFiles,
        };
        max.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--max-delta-files must not be negative"); });
        var verb = new Verb("compact", "rewrite the lake tables with many delta files as one base each (and the warehouse without free blocks), published as a new snapshot") { data, max };
        verb.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.GetValue(max)));
        return verb;
    }

    public static int Run(string dataDir, int maxDeltaFiles)
    {
        var result = LakeCompactor.Compact(dataDir, maxDeltaFiles, line => Console.WriteLine($"compact: {line}"));
        if (result.RunId is not null)
            Console.WriteLine($"compacted {string.Join(", ", result.Tables)}: {result.FilesBefore} → {result.FilesAfter} file(s); snapshot {result.RunId} in service");
        return 0;
    }
}
