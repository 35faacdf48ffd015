namespace Monitoring.Tools.Generate;

/// <summary>What to generate and where. Same options (same seed) → byte-identical files.</summary>
public sealed record GeneratorOptions
{
    public GeneratorPreset Preset { get; init; } = GeneratorPreset.Tiny;

    public int Seed { get; init; } = 42;

    /// <summary>Households and case-manager posts × this (territory unchanged): a scaled-down check of a large preset,
    /// e.g. the history preset at 0.01. 1 = the preset's own size.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The export folder to create (replaced if it exists). The truth file goes next to it: `&lt;out&gt;.truth.json`.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The day the export describes; the ADI/SFL period (18 months, or from January 2024 for the history preset) ends on it.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2026, 10, 31);

    /// <summary>The ISTAT municipalities file; null = look for `reference/istat-municipalities-2020.csv` above the working and base directories.</summary>
    public string? IstatPath { get; init; }
}
