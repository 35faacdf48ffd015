namespace Monitoring.Dashboards.Auth;

/// <summary>
/// How long a sign-in lasts (section "Auth:Session"). IdleTimeout: a session not used for that long ends (the cookie
/// slides with use); AbsoluteLifetime: a session ends that long after sign-in however busy it is. A provider's
/// id_token that expires earlier ends it earlier. Values are TimeSpans ("08:00:00").
/// </summary>
public sealed class SessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
