namespace Monitoring.Etl.Contract;

/// <summary>A column whose value must resolve to a key defined elsewhere ("a code does not resolve").</summary>
/// <param name="Column">The referring column.</param>
/// <param name="TargetFile">The export file that defines the key, or "istat" for the municipality list.</param>
/// <param name="Reason">Quarantine reason when it does not resolve.</param>
public sealed record Reference(string Column, string TargetFile, string Reason);
