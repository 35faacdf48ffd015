namespace Monitoring.Etl.Contract;

/// <summary>
/// A rule across columns of one row, as a DuckDB boolean expression over the typed values
/// (<c>t.&lt;column&gt;</c>), true when the row BREAKS the rule. Evaluated only when the
/// columns involved passed their own type checks.
/// </summary>
public sealed record RowRule(string Column, string Reason, string BreachSql);
