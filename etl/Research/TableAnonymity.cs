namespace Monitoring.Etl.Research;

/// <summary>How one table came out: records before, records suppressed, classes kept and the smallest class (the achieved k).</summary>
public sealed record TableAnonymity(string Table, IReadOnlyList<string> QuasiIdentifiers, long Records, long Suppressed, long Classes, long AchievedK)
{
    public double SuppressedShare => Records == 0 ? 0 : (double)Suppressed / Records;
}
