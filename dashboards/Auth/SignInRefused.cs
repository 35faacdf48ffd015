namespace Monitoring.Dashboards.Auth;

/// <summary>A provider's sign-in that our rules refuse (no role, invalid territory); the user is sent to /signin?error=refused.</summary>
public sealed class SignInRefused(string reason) : Exception(reason);
