namespace Monitoring.Tools.Generate;

/// <summary>One operator's time in a post: active from one day to another (inclusive; null = open-ended).</summary>
internal sealed record Tenure(string OperatorId, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || To >= day);
}
