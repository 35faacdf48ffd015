namespace Monitoring.Warehouse.Flags;

/// <summary>One ATS's value of one indicator in one month, as the funnel sees it.</summary>
/// <param name="Numerator">events (proportions) or counts (rates).</param>
/// <param name="N">the denominator: cases for proportions, case-manager months for rates.</param>
/// <param name="CaseManagers">active case managers of the ATS in the month (for the plain rule).</param>
public sealed record FunnelPoint(
    string IndicatorId,
    string AtsCode,
    string Month,
    double Numerator,
    double N,
    double Value,
    double NationalValue,
    string FlagMethod,
    bool HigherIsBetter,
    double CaseManagers);
