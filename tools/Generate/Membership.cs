namespace Monitoring.Tools.Generate;

/// <summary>One row of ambito_comuni.csv: a municipality belongs to an ATS from one day to another (null = still).</summary>
internal sealed record Membership(string AtsCode, Municipality Municipality, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool HoldsOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
}
