namespace Monitoring.Warehouse.FollowUp;

/// <summary>The stored spelling of <see cref="FollowUpStatus"/>: open, contacted, assistance_activated, resolved.</summary>
public static class FollowUpStatusText
{
    public static string ToText(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "open",
        FollowUpStatus.Contacted => "contacted",
        FollowUpStatus.AssistanceActivated => "assistance_activated",
        FollowUpStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static FollowUpStatus Parse(string text) => text switch
    {
        "open" => FollowUpStatus.Open,
        "contacted" => FollowUpStatus.Contacted,
        "assistance_activated" => FollowUpStatus.AssistanceActivated,
        "resolved" => FollowUpStatus.Resolved,
        _ => throw new FormatException($"Unknown follow-up status '{text}'."),
    };
}
