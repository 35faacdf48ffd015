namespace Monitoring.Warehouse.Alerts;

/// <summary>
/// Where one subscriber's digest stands. Alerts up to <see cref="SentUpTo"/> were delivered; anything later is pending
/// until a delivery succeeds, however many attempts fail meanwhile. <see cref="LastError"/> names the SMTP failure
/// (never the address).
/// </summary>
public sealed record DigestState(
    string UserKey,
    DateTime? SentUpTo,
    DateTime? LastSentAt,
    DateTime? PendingSince,
    int FailedAttempts,
    DateTime? LastAttemptAt,
    string? LastError)
{
    public static DigestState New(string userKey) => new(userKey, null, null, null, 0, null, null);

    public DigestState Delivered(DateTime upTo, DateTime now) =>
        this with { SentUpTo = upTo, LastSentAt = now, PendingSince = null, FailedAttempts = 0, LastAttemptAt = now, LastError = null };

    public DigestState Failed(DateTime now, string error) =>
        this with { PendingSince = PendingSince ?? now, FailedAttempts = FailedAttempts + 1, LastAttemptAt = now, LastError = error };
}
