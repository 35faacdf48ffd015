using System.Globalization;

namespace Monitoring.Etl.Generate;

/// <summary>
/// `generate --preset tiny|regional|national --seed N --out DIR [--reference-date YYYY-MM-DD] [--istat FILE]`:
/// writes a synthetic CMIS export and prints its row counts (no personal data is printed).
/// </summary>
public static class GenerateCommand
{
    public const string Usage =
        "usage: generate --preset tiny|regional|national --seed N --out DIR [--reference-date YYYY-MM-DD] [--istat FILE]";

    public static int Run(string[] args)
    {
        GeneratorOptions options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
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

    /// <summary>Parses the arguments (with or without a leading `generate`); throws ArgumentException with a clear message.</summary>
    public static GeneratorOptions Parse(string[] args)
    {
        string? preset = null, seed = null, output = null, reference = null, istat = null;
        var i = args.Length > 0 && args[0] == "generate" ? 1 : 0;
        for (; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--preset": preset = Value(); break;
                case "--seed": seed = Value(); break;
                case "--out": output = Value(); break;
                case "--reference-date": reference = Value(); break;
                case "--istat": istat = Value(); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        var parsedPreset = preset?.ToLowerInvariant() switch
        {
            "tiny" => GeneratorPreset.Tiny,
            "regional" => GeneratorPreset.Regional,
            "national" => GeneratorPreset.National,
            "tiny-italy" => GeneratorPreset.TinyItaly,
            null => throw new ArgumentException("--preset is required"),
            _ => throw new ArgumentException($"unknown preset {preset}"),
        };
        if (output is null) throw new ArgumentException("--out is required");
        var options = new GeneratorOptions { Preset = parsedPreset, OutputDirectory = output, IstatPath = istat };
        if (seed is not null)
            options = options with
            {
                Seed = int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                    ? s : throw new ArgumentException($"--seed must be an integer, not {seed}"),
            };
        if (reference is not null)
            options = options with
            {
                ReferenceDate = DateOnly.TryParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new ArgumentException($"--reference-date must be YYYY-MM-DD, not {reference}"),
            };
        return options;
    }
}
