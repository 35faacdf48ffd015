namespace Monitoring.Tools.Generate;

/// <summary>
/// The sizes behind each preset (programme figures in /work/shared/reference/programme-facts.md). <c>Months</c> is
/// the ADI/SFL period ending on the reference date; <c>History</c> says how much of the earlier measures comes before
/// it (<see cref="MeasureHistory"/>).
/// </summary>
internal sealed record PresetSettings(
    string? RegionCode,
    IReadOnlyList<string>? ProvinceCodes,
    int Households,
    int CaseManagers,
    int Months,
    LegacyHistory History = LegacyHistory.Sample)
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
        // The whole programme: the national preset's territory and staff, the ADI/SFL period from ADI's first month
        // (Months is then derived from the reference date) and every REI and RdC household before it.
        GeneratorPreset.History => new(null, null, 700_000, 15_000, 0, LegacyHistory.Whole),
        _ => throw new ArgumentOutOfRangeException(nameof(preset)),
    };

    /// <summary>The settings at <paramref name="scale"/> × the households and case-manager posts (territory unchanged);
    /// for scaled-down checks of a large preset. At least one household and one post per ten ATS are kept.</summary>
    public PresetSettings Scaled(double scale) => scale == 1.0 ? this : this with
    {
        Households = Math.Max(1, (int)Math.Round(Households * scale)),
        CaseManagers = Math.Max(1, (int)Math.Round(CaseManagers * scale)),
    };

    /// <summary>First day of the ADI/SFL period: <c>Months</c> months ending with the reference month, or for the whole
    /// history the month ADI's applications opened (December 2023, first paid January 2024), whatever the reference date.</summary>
    public DateOnly WindowStart(DateOnly reference) => History == LegacyHistory.Whole
        ? MeasureHistory.AdiApplicationsOpen
        : new DateOnly(reference.Year, reference.Month, 1).AddMonths(-(Months - 1));
}

/// <summary>How much of the earlier measures (REI, RdC) an export carries before its ADI/SFL period.</summary>
internal enum LegacyHistory
{
    /// <summary>A sample (<see cref="MeasureHistory.LegacyShare"/> of the period's households), applications from 2019.</summary>
    Sample,
    /// <summary>The whole caseload from REI's first month (January 2018) to RdC's end (December 2023).</summary>
    Whole,
}
