namespace Monitoring.Access.Views;

/// <summary>A region or an ATS as the filters list it.</summary>
public sealed record Territory(string Code, string Name, string? RegionCode = null);
