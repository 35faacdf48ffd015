namespace Monitoring.Tools.Generate;

/// <summary>The sizes behind each preset (programme figures in /work/shared/reference/programme-facts.md).</summary>
internal sealed record PresetSettings(
    string? RegionCode,
    IReadOnlyList<string>? ProvinceCodes,
    int Households,
    int CaseManagers,
    int Months)
{
    public static PresetSettings For(GeneratorPreset preset) => preset switch
    {
        // Benevento + Avellino: 8-9 ATS of Campania, small enough to run in well under a second.
        GeneratorPreset.Tiny => new("15", ["062", "064"], 2_000, 60, 18),
        GeneratorPreset.Regional => new("15", null, 60_000, 1_300, 18),
        // ~700k households (INPS: ~760k with a payment at end 2024), ~15,300 case managers in GePI.
        GeneratorPreset.National => new(null, null, 700_000, 15_000, 18),
        // Every region and ATS with a few households each: the public tables' small counts and secondary suppression across regions.
        GeneratorPreset.TinyItaly => new(null, null, 6_000, 700, 18),
        _ => throw new ArgumentOutOfRangeException(nameof(preset)),
    };
}
