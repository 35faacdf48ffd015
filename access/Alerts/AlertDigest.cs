namespace Monitoring.Access.Alerts;

/// <summary>One subscriber's digest, ready to send: subject and plain-text body (codes, counts, links), and the alerts it carries.</summary>
public sealed record AlertDigest(string Subject, string Body, IReadOnlyList<string> ItemIds);
