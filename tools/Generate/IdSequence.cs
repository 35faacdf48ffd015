namespace Monitoring.Tools.Generate;

/// <summary>GePI-style identifiers, numbered in generation order (deterministic).</summary>
internal sealed class IdSequence
{
    private long _household, _person, _case, _event, _referral;

    public string Household() => $"H{++_household:00000000}";
    public string Person() => $"P{++_person:000000000}";
    public string Case() => $"C{++_case:00000000}";
    public string Event() => $"E{++_event:000000000}";
    public string Referral() => $"R{++_referral:00000000}";
}
