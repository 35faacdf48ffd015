using System.Diagnostics;

namespace Monitoring.Tools.Generate;

/// <summary>
/// Writes a realistic, contract-valid CMIS export (cmis-export-v1): ISTAT-based ATS partition,
/// operators, households, persons, cases and their events, referrals, payments, budget, manifest;
/// and the truth file next to it. Deterministic for a seed; streams rows, hashes while writing.
/// </summary>
public static class ExportGenerator
{
    public static GenerationSummary Generate(GeneratorOptions options)
    {
        var clock = Stopwatch.StartNew();
        var settings = PresetSettings.For(options.Preset).Scaled(options.Scale);
        if (settings.WindowStart(options.ReferenceDate) > options.ReferenceDate)
            throw new InvalidDataException($"the {options.Preset} preset's ADI period starts in {settings.WindowStart(options.ReferenceDate):yyyy-MM}: the reference date {options.ReferenceDate:yyyy-MM-dd} is before it");
        var dir = Path.GetFullPath(options.OutputDirectory);
        PrepareDirectory(dir);

        var istat = IstatMunicipalities.Load(options.IstatPath);
        var territory = TerritoryBuilder.Build(istat, settings, options.Seed, options.ReferenceDate);
        var fiscalCodes = new FiscalCodeFactory(deliberateOmocodiaRate: 0.0005);
        var staffing = StaffingBuilder.Build(territory, fiscalCodes, options.Seed);

        var files = new Dictionary<string, ManifestFileEntry>();
        void Add(ManifestFileEntry e) => files[e.FileName] = e;
        Add(TerritoryWriter.WriteAmbiti(dir, territory));
        Add(TerritoryWriter.WriteMemberships(dir, territory));
        Add(TerritoryWriter.WriteOperators(dir, staffing));

        using (var writers = new ExportWriters(dir))
        {
            var ids = new IdSequence();
            var cases = new CaseSimulator(territory, staffing, writers, ids);
            var households = new HouseholdGenerator(territory, writers, ids, fiscalCodes, cases, options.Seed, settings.History);
            foreach (var unit in territory.Units) households.Generate(unit);
            Add(writers.Households.Complete());
            Add(writers.Persons.Complete());
            Add(writers.Cases.Complete());
            Add(writers.Events.Complete());
            Add(writers.Referrals.Complete());
            Add(writers.Payments.Complete());
        }
        Add(BudgetWriter.Write(dir, territory, options.Seed));

        var ordered = ContractFiles.Select(f => files[f]).ToList();
        ManifestWriter.Write(dir, options.ReferenceDate, ordered);
        var truthPath = TruthPath(dir);
        TruthWriter.Write(truthPath, options, territory);
        return new GenerationSummary(dir, truthPath, ordered, clock.Elapsed);
    }

    /// <summary>The ten CSV files of cmis-export-v1, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> ContractFiles =
    [
        "ambiti.csv", "ambito_comuni.csv", "operators.csv", "households.csv", "persons.csv",
        "cases.csv", "case_events.csv", "referrals.csv", "payments.csv", "budget.csv",
    ];

    /// <summary>`&lt;out&gt;.truth.json`: beside the export folder, never inside it.</summary>
    public static string TruthPath(string exportDirectory) =>
        Path.GetFullPath(exportDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".truth.json";

    // Replaces an earlier export, but refuses to wipe a folder that does not look like one.
    private static void PrepareDirectory(string dir)
    {
        if (Directory.Exists(dir))
        {
            var entries = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToList();
            var ours = entries.All(e => e == "manifest.json" || ContractFiles.Contains(e!));
            if (!ours)
                throw new IOException($"{dir} exists and holds files that are not an export; choose another --out.");
            foreach (var e in entries) File.Delete(Path.Combine(dir, e!));
        }
        Directory.CreateDirectory(dir);
    }
}
