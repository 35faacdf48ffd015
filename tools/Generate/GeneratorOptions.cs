namespace Monitoring.Tools.Generate;

/// <summary>What to generate and where. Same options (same seed) → byte-identical files.</summary>
public sealed record GeneratorOptions
{
    public GeneratorPreset Preset { get; init; } = GeneratorPreset.Tiny;

    public int Seed { get; init; } = 42;

    /// <summary>The export folder to create (replaced if it exists). The truth file goes next to it: `&lt;out&gt;.truth.json`.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The day the export describes; 18 months of history end on it.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2026, 10, 31);

    /// <summary>The ISTAT municipalities file; null = look for `reference/istat-municipalities-2020.csv` above the working and base directories.</summary>
    public string? IstatPath { get; init; }
}
