namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>One contract rule broken by one added record: where it goes and what quarantine must say.</summary>
/// <param name="Rule">Name of the rule (the theory's case).</param>
/// <param name="File">Export file the record is added to.</param>
/// <param name="Record">The CSV record, written by hand.</param>
/// <param name="Column">Column the quarantine row must name.</param>
/// <param name="Reason">Reason the quarantine row and the run report must give.</param>
public sealed record RuleCase(string Rule, string File, string Record, string Column, string Reason);
