namespace Monitoring.Dashboards.Maps;

/// <summary>The parsed map: the SVG viewBox and one shape per region.</summary>
public sealed record ItalyMap(string ViewBox, IReadOnlyList<RegionShape> Regions);
