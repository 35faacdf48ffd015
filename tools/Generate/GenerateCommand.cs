using System.CommandLine;
using System.Globalization;
using Monitoring.Etl.Cli;

namespace Monitoring.Tools.Generate;

/// <summary>
/// `monitoring-generate --preset tiny|regional|national|tiny-italy|history --seed N --out DIR [--reference-date YYYY-MM-DD] [--istat FILE] [--scale F]`:
/// writes a synthetic CMIS export and prints its row counts (no personal data is printed). Exit 0 written, 1 failed, 2 usage.
/// </summary>
public static class GenerateCommand
{
    public const int UsageExit = 2;
    static readonly string[] Presets = ["tiny", "regional", "national", "tiny-italy", "history"];

    /// <summary>The options, and the step from a parse result to <see cref="GeneratorOptions"/>.</summary>
    sealed record Options(Option<string> Preset, Option<int?> Seed, Option<string> Out, Option<DateOnly?> ReferenceDate, Option<string?> Istat, Option<double?> Scale)
    {
        public static Options Create()
        {
            var preset = new Option<string>("--preset") { Description = "the size: tiny, regional, national (~16M rows), tiny-italy (every region, few households) or history (REI 2018 → RdC → ADI/SFL, ~4× national)", HelpName = "PRESET", Required = true };
            preset.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<string>();
                if (!Presets.Contains(value, StringComparer.OrdinalIgnoreCase)) r.AddError($"unknown preset {value} (one of {string.Join(", ", Presets)})");
            });
            var referenceDate = new Option<DateOnly?>("--reference-date")
            {
                Description = "the day the export describes; the ADI/SFL period (18 months; history: from 2024-01) ends on it (default 2026-10-31)",
                HelpName = "YYYY-MM-DD",
                CustomParser = r =>
                {
                    var text = r.Tokens.Single().Value;
                    if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                    r.AddError($"--reference-date must be YYYY-MM-DD, not {text}");
                    return null;
                },
            };
            var scale = new Option<double?>("--scale") { Description = "households and case-manager posts × this, territory unchanged (e.g. 0.01 for a small check of the history preset; default 1)", HelpName = "FACTOR" };
            scale.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<double?>() is { } f && (f <= 0 || f > 1)) r.AddError($"--scale must be above 0 and at most 1, not {f}");
            });
            return new Options(preset,
                new Option<int?>("--seed") { Description = "the random seed: the same seed gives byte-identical files (default 42)", HelpName = "N" },
                new Option<string>("--out") { Description = "the export folder to create (replaced when it holds an earlier export); the truth file goes beside it", HelpName = "DIR", Required = true },
                referenceDate,
                new Option<string?>("--istat") { Description = "the ISTAT municipalities file (default: reference/istat-municipalities-2020.csv above the working or application folder)", HelpName = "FILE" },
                scale);
        }

        public GeneratorOptions Read(ParseResult parsed)
        {
            var options = new GeneratorOptions
            {
                Preset = parsed.GetValue(Preset)!.ToLowerInvariant() switch
                {
                    "regional" => GeneratorPreset.Regional,
                    "national" => GeneratorPreset.National,
                    "tiny-italy" => GeneratorPreset.TinyItaly,
                    "history" => GeneratorPreset.History,
                    _ => GeneratorPreset.Tiny,
                },
                OutputDirectory = parsed.GetValue(Out)!,
                IstatPath = parsed.GetValue(Istat),
            };
            if (parsed.GetValue(Seed) is { } seed) options = options with { Seed = seed };
            if (parsed.GetValue(Scale) is { } scale) options = options with { Scale = scale };
            if (parsed.GetValue(ReferenceDate) is { } reference) options = options with { ReferenceDate = reference };
            return options;
        }
    }

    public static RootCommand Root() => Build().Root;

    static (RootCommand Root, Options Options) Build()
    {
        var options = Options.Create();
        var root = new RootCommand("Writes a synthetic CMIS export (contract cmis-export-v1) for the demo, the tests and the benchmark")
        {
            options.Preset, options.Seed, options.Out, options.ReferenceDate, options.Istat, options.Scale,
        };
        root.SetAction(parsed => Generate(options.Read(parsed)));
        return (root, options);
    }

    /// <summary>The whole command line, as `dotnet monitoring-generate.dll args...` runs it.</summary>
    public static int Run(string[] args) => CommandLineApp.RunAsync(Root(), args, UsageExit).GetAwaiter().GetResult();

    /// <summary>The options the arguments stand for; throws ArgumentException with the parser's messages when they are bad.</summary>
    public static GeneratorOptions Parse(string[] args)
    {
        var (root, options) = Build();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0) throw new ArgumentException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return options.Read(parsed);
    }

    static int Generate(GeneratorOptions options)
    {
        try
        {
            var summary = ExportGenerator.Generate(options);
            foreach (var f in summary.Files)
                Console.WriteLine($"{f.FileName,-20} {f.Rows,12:N0} rows {f.Bytes / 1048576.0,10:F1} MiB");
            Console.WriteLine($"export  {summary.ExportDirectory}");
            Console.WriteLine($"truth   {summary.TruthPath}");
            Console.WriteLine($"elapsed {summary.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"generate failed: {e.Message}");
            return 1;
        }
    }
}
