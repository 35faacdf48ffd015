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
/// <param name="Earliest">Earliest plausible date of a date or month column; null = the programme's start
/// (<see cref="ExportContract.ProgrammeStart"/>). A year-0 date would stretch every month grid to it.</param>
/// <param name="Precision">Total digits of the warehouse DECIMAL(Precision, Scale) an amount is staged into.</param>
/// <param name="Scale">Digits after the point of that DECIMAL.</param>
public sealed record ColumnSpec(
    string Name,
    ColumnType Type,
    bool Required = false,
    string[]? Allowed = null,
    bool Personal = false,
    string? PseudonymDomain = null,
    bool PlannedEnd = false,
    bool NonNegative = false,
    long? Min = null,
    DateOnly? Earliest = null,
    int? Precision = null,
    int Scale = 2)
{
    /// <summary>The earliest date this column may hold.</summary>
    public DateOnly EarliestDate => Earliest ?? ExportContract.ProgrammeStart;
}
