using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Monitoring.Dashboards.Auth;

/// <summary>
/// The live sign-in sessions, server-side. The auth cookie carries only a random session id (claim
/// <see cref="ClaimType"/>) next to the scope claims; every request checks the id here, so signing out, idling past
/// the timeout or outliving the absolute lifetime ends the session for every copy of the cookie — a cookie captured
/// before sign-out is refused afterwards, however long its own expiry. Kept in memory: a restart of the app ends every
/// session (users sign in again), and one app instance serves a DATA_DIR. Holds no personal data: id, role and times.
/// </summary>
public sealed class SessionRegistry(SessionOptions options, TimeProvider clock)
{
    public const string ClaimType = "adi_sid";

    private sealed record Entry(string Role, DateTimeOffset Created, DateTimeOffset Expires, DateTimeOffset LastSeen);

    private readonly ConcurrentDictionary<string, Entry> _live = new(StringComparer.Ordinal);

    /// <summary>Starts a session; <paramref name="notAfter"/> (e.g. the id_token's expiry) can shorten it.</summary>
    public string Start(string role, DateTimeOffset? notAfter = null)
    {
        Sweep();
        var now = clock.GetUtcNow();
        var expires = now + options.AbsoluteLifetime;
        if (notAfter is { } n && n < expires) expires = n;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _live[id] = new Entry(role, now, expires, now);
        return id;
    }

    /// <summary>True (and the idle clock restarted) when the session is live; an ended session is forgotten.</summary>
    public bool Touch(string? id)
    {
        if (id is null || !_live.TryGetValue(id, out var entry)) return false;
        var now = clock.GetUtcNow();
        if (now >= entry.Expires || now - entry.LastSeen >= options.IdleTimeout)
        {
            _live.TryRemove(id, out _);
            return false;
        }
        _live.TryUpdate(id, entry with { LastSeen = now }, entry);
        return true;
    }

    public void End(string? id)
    {
        if (id is not null) _live.TryRemove(id, out _);
    }

    /// <summary>Forgets ended sessions, so abandoned ones do not pile up.</summary>
    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, e) in _live)
            if (now >= e.Expires || now - e.LastSeen >= options.IdleTimeout) _live.TryRemove(id, out _);
    }
}
