using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Auth;

/// <summary>A demo sign-in: an id for the form, a label, and the scope it grants.</summary>
public sealed record DemoUser(string Id, string Label, UserScope Scope);
