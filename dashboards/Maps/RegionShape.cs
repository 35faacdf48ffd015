namespace Monitoring.Dashboards.Maps;

/// <summary>One region's outline on the map: its ISTAT code, the id the SVG gives it, its ISTAT name and the SVG path.</summary>
public sealed record RegionShape(string Code, string SvgId, string Name, string Path);
