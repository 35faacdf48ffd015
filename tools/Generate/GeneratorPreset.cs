namespace Monitoring.Tools.Generate;

/// <summary>Size of a generated export: tiny (tests), regional (Campania), national (programme size), tiny-italy (tests that need every region).</summary>
public enum GeneratorPreset
{
    Tiny,
    Regional,
    National,
    /// <summary>A few thousand households over all of Italy: every region and ATS, mostly small counts (disclosure tests).</summary>
    TinyItaly,
}
