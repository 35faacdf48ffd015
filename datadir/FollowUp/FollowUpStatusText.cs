namespace Monitoring.DataDir.FollowUp;

/// <summary>The stored spelling of <see cref="FollowUpStatus"/>: open, contacted, assistance_activated, resolved, closed_no_action.</summary>
public static class FollowUpStatusText
{
    public static readonly IReadOnlyList<string> All = ["open", "contacted", "assistance_activated", "resolved", "closed_no_action"];

    public static string ToText(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "open",
        FollowUpStatus.Contacted => "contacted",
        FollowUpStatus.AssistanceActivated => "assistance_activated",
        FollowUpStatus.Resolved => "resolved",
        FollowUpStatus.ClosedNoAction => "closed_no_action",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static FollowUpStatus Parse(string text) => text switch
    {
        "open" => FollowUpStatus.Open,
        "contacted" => FollowUpStatus.Contacted,
        "assistance_activated" => FollowUpStatus.AssistanceActivated,
        "resolved" => FollowUpStatus.Resolved,
        "closed_no_action" => FollowUpStatus.ClosedNoAction,
        _ => throw new FormatException($"Unknown follow-up status '{text}'."),
    };
}
