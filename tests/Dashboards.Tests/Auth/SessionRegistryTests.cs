using Monitoring.Dashboards.Auth;

namespace Monitoring.Tests.Dashboards.Auth;

/// <summary>
/// The server-side session lifetimes (the HTTP tests prove sign-out and the id_token's expiry on the real app; the
/// idle and absolute limits are hours long, so they are checked here on a clock the test moves).
/// </summary>
public sealed class SessionRegistryTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();
    private SessionRegistry Registry(double idleMinutes = 60, double absoluteMinutes = 180)
        => new(new SessionOptions { IdleTimeout = TimeSpan.FromMinutes(idleMinutes), AbsoluteLifetime = TimeSpan.FromMinutes(absoluteMinutes) }, _clock);

    [Fact]
    public void A_session_used_within_the_idle_timeout_lives_until_its_absolute_lifetime()
    {
        var sessions = Registry();
        var id = sessions.Start("ministry");
        for (var minutes = 50; minutes < 180; minutes += 50)
        {
            _clock.Now += TimeSpan.FromMinutes(50);
            Assert.True(sessions.Touch(id), $"refused after {minutes} minutes of use");
        }
        _clock.Now += TimeSpan.FromMinutes(31); // 181 minutes after sign-in
        Assert.False(sessions.Touch(id));
    }

    [Fact]
    public void A_session_idle_for_the_timeout_ends_and_stays_ended()
    {
        var sessions = Registry();
        var id = sessions.Start("ministry");
        _clock.Now += TimeSpan.FromMinutes(60);
        Assert.False(sessions.Touch(id));
        _clock.Now -= TimeSpan.FromMinutes(30); // even a clock put back does not revive it
        Assert.False(sessions.Touch(id));
    }

    [Fact]
    public void A_provider_token_expiring_earlier_ends_the_session_earlier_and_sign_out_ends_it_at_once()
    {
        var sessions = Registry();
        var short1 = sessions.Start("ministry", notAfter: _clock.Now + TimeSpan.FromMinutes(5));
        var other = sessions.Start("ministry");
        _clock.Now += TimeSpan.FromMinutes(5);
        Assert.False(sessions.Touch(short1));
        Assert.True(sessions.Touch(other));
        sessions.End(other);
        Assert.False(sessions.Touch(other));
        Assert.False(sessions.Touch(null));
        Assert.False(sessions.Touch("not-a-session"));
    }

    [Fact]
    public void Session_ids_are_random_and_unguessable()
    {
        var sessions = Registry();
        var ids = Enumerable.Range(0, 1000).Select(_ => sessions.Start("ministry")).ToList();
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(64, id.Length)); // 256 random bits in hex
    }
}
