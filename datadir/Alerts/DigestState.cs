namespace Monitoring.DataDir.Alerts;

/// <summary>
/// Where one subscriber's digest stands. <see cref="SentIds"/> are the alerts already delivered; every other alert of
/// the subscriber's scope is pending until a delivery succeeds, however many attempts fail meanwhile.
/// <see cref="LastError"/> says what failed (never the address, never the server's own words, which may quote it).
/// </summary>
public sealed record DigestState(
    string UserKey,
    IReadOnlyList<string> SentIds,
    DateTime? LastSentAt,
    DateTime? PendingSince,
    int FailedAttempts,
    DateTime? LastAttemptAt,
    string? LastError)
{
    /// <summary>How many delivered ids are remembered (newest kept): far more than a 90-day inbox holds.</summary>
    public const int MaxRemembered = 20_000;

    public static DigestState New(string userKey) => new(userKey, [], null, null, 0, null, null);

    public DigestState Delivered(IEnumerable<string> ids, DateTime now)
    {
        var all = SentIds.Concat(ids).Distinct(StringComparer.Ordinal).ToList();
        return this with
        {
            SentIds = all.Skip(Math.Max(0, all.Count - MaxRemembered)).ToList(),
            LastSentAt = now, PendingSince = null, FailedAttempts = 0, LastAttemptAt = now, LastError = null,
        };
    }

    public DigestState Failed(DateTime now, string error) =>
        this with { PendingSince = PendingSince ?? now, FailedAttempts = FailedAttempts + 1, LastAttemptAt = now, LastError = error };
}
