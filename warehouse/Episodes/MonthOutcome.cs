namespace Monitoring.Warehouse.Episodes;

/// <summary>What the funnel said about one indicator × ATS in one calendar month.</summary>
public enum MonthOutcome
{
    /// <summary>No evaluation (no denominator, a censored month): neither prolongs nor ends an episode.</summary>
    NotEvaluated,
    /// <summary>Evaluated and inside the limits (severity none).</summary>
    Inside,
    /// <summary>Outside the limits on the bad side (warning or alarm).</summary>
    Flagged,
}
