namespace Monitoring.Tools.Generate;

/// <summary>
/// A case-manager post in an ATS, held by successive operators (a leaver's cases pass to the
/// replacement). Cases are attached to a post, so the case manager on an event is whoever holds
/// the post that day.
/// </summary>
internal sealed class CaseManagerSlot
{
    public List<Tenure> Tenures { get; } = [];

    public DateOnly Start => Tenures[0].From;

    public Tenure? At(DateOnly day)
    {
        foreach (var t in Tenures)
            if (t.Covers(day)) return t;
        return null;
    }

    /// <summary>The first tenure starting after the day (the replacement after a vacancy).</summary>
    public Tenure? NextAfter(DateOnly day)
    {
        foreach (var t in Tenures)
            if (t.From > day) return t;
        return null;
    }
}
