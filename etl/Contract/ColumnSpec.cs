namespace Monitoring.Etl.Contract;

/// <summary>One column of an export file as the contract defines it.</summary>
/// <param name="Name">Header name.</param>
/// <param name="Type">Value type; drives the type check.</param>
/// <param name="Required">Marked * in the contract: empty is a breach.</param>
/// <param name="Allowed">Closed list of values, when the contract gives one.</param>
/// <param name="Personal">Identifies a person: never copied to quarantine, logs or messages.</param>
/// <param name="PseudonymDomain">GePI id or fiscal code: becomes an HMAC pseudonym in this domain.</param>
/// <param name="PlannedEnd">A planned end date, which may lie after the reference date.</param>
/// <param name="NonNegative">Counts and amounts that cannot be negative.</param>
/// <param name="Min">Smallest allowed integer (members ≥ 1).</param>
public sealed record ColumnSpec(
    string Name,
    ColumnType Type,
    bool Required = false,
    string[]? Allowed = null,
    bool Personal = false,
    string? PseudonymDomain = null,
    bool PlannedEnd = false,
    bool NonNegative = false,
    long? Min = null);
