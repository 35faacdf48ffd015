namespace Monitoring.Etl.OpenData;

/// <summary>A public indicator of the catalogue, with what the release needs to describe and protect it.</summary>
public sealed record PublicIndicator(string Id, string NameIt, string NameEn, string DescriptionIt, string DescriptionEn,
    string Unit, string Kind, double MinDenominator)
{
    public bool IsCount => Kind == "count";
}
