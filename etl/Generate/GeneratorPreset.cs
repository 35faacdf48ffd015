namespace Monitoring.Etl.Generate;

/// <summary>Size of a generated export: tiny (tests), regional (Campania), national (programme size).</summary>
public enum GeneratorPreset
{
    Tiny,
    Regional,
    National,
}
