namespace Monitoring.Tools.Generate;

/// <summary>
/// Benefit households per 1,000 residents by region, calibrated on the INPS figures of
/// programme-facts.md (Campania 182k on 5.8M, Sicilia 156k on 5.0M, Lombardia 48k on 9.7M,
/// Piemonte 36k, Liguria 13k; Italy ~760k); the other regions are interpolated so that the South
/// and the Islands take up 3-5× the North. Napoli, Palermo and Crotone provinces run higher still.
/// </summary>
internal static class TakeUpRates
{
    private static readonly Dictionary<string, double> PerThousand = new()
    {
        ["01"] = 8.2, ["02"] = 4.0, ["03"] = 5.0, ["04"] = 1.5, ["05"] = 3.5, ["06"] = 4.5, ["07"] = 8.3,
        ["08"] = 4.5, ["09"] = 5.5, ["10"] = 7.5, ["11"] = 5.5, ["12"] = 13.0, ["13"] = 9.0, ["14"] = 12.0,
        ["15"] = 31.5, ["16"] = 17.0, ["17"] = 12.0, ["18"] = 27.0, ["19"] = 31.0, ["20"] = 15.0,
    };

    private static readonly Dictionary<string, double> ProvinceFactor = new()
    {
        ["063"] = 1.25, // Napoli
        ["082"] = 1.25, // Palermo
        ["101"] = 1.35, // Crotone
        ["087"] = 1.10, // Catania
    };

    public static double Weight(Municipality m) =>
        m.Population * PerThousand.GetValueOrDefault(m.RegionCode, 8.0) / 1000.0
        * ProvinceFactor.GetValueOrDefault(m.ProvinceCode, 1.0);

    /// <summary>North (1) / Centre (2) / South and Islands (3): household sizes differ.</summary>
    public static int Zone(string regionCode) => int.Parse(regionCode) switch
    {
        <= 8 => 1,
        <= 12 => 2,
        _ => 3,
    };
}
