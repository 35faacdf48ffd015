namespace Monitoring.Etl.OpenData;

/// <summary>A territory of the release: Italy, a region or an ATS, with its ISTAT 2011 population.</summary>
public sealed record Territory(string Level, string Code, string Name, string RegionCode, long Population2011);
