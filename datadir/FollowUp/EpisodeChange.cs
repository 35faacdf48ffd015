namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// One line of an episode's history. Kind: opened (first seen at a load), status (a user's change), recovered (the
/// data showed it back inside the limits), migrated (a month-keyed entry of the earlier register).
/// </summary>
public sealed record EpisodeChange(
    long ChangeId,
    string EpisodeId,
    string Kind,
    FollowUpStatus? PreviousStatus,
    FollowUpStatus Status,
    string? Reason,
    string? Notes,
    string ChangedById,
    string ChangedByName,
    string ChangedByRole,
    DateTime ChangedAt,
    string? RunId);
