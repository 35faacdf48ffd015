namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// Who changed an episode: the signed-in user's id and display name as their sign-in gave them (the OIDC subject or
/// the demo user's id), and their role. The system itself (a load) is <see cref="System"/>.
/// </summary>
public sealed record Actor(string Id, string Name, string Role)
{
    public static readonly Actor System = new("system", "pipeline", "system");
}
