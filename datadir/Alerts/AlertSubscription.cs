namespace Monitoring.DataDir.Alerts;

/// <summary>
/// A user's e-mail digest subscription: where to send it (personal data: stored here, never logged or shown to anyone
/// else), in which language, and the scope the user had when subscribing (role and territory codes from their sign-in),
/// which the digest job applies with the dashboards' scope rules. Signing in again and saving refreshes the scope.
/// </summary>
public sealed record AlertSubscription(
    string UserKey,
    string Email,
    string Lang,
    string Role,
    string? RegionCode,
    string? AtsCode,
    string? OperatorKey,
    DateTime SubscribedAt);
