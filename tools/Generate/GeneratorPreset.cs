namespace Monitoring.Tools.Generate;

/// <summary>Size of a generated export: tiny (tests), regional (Campania), national (programme size), tiny-italy (tests that need every region), history (the whole programme since 2018).</summary>
public enum GeneratorPreset
{
    Tiny,
    Regional,
    National,
    /// <summary>A few thousand households over all of Italy: every region and ATS, mostly small counts (disclosure tests).</summary>
    TinyItaly,
    /// <summary>The whole programme, REI 2018 → RdC 2019–2023 → ADI/SFL 2024 to the reference date, over Italy: about
    /// four times the national preset's rows (~4 GB of CSV).</summary>
    History,
}
