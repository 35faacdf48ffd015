namespace Monitoring.Tools.Generate;

/// <summary>One row of the ISTAT municipalities list (reference/istat-municipalities-2020.csv).</summary>
internal sealed record Municipality(
    string Code,
    string Name,
    string ProvinceCode,
    string ProvinceAbbr,
    string RegionCode,
    string CadastralCode,
    int Population);
