namespace Monitoring.Dashboards.Localization;

/// <summary>
/// Italian and English words of the dimension picker, the series by measure and the targets (issue 14). The names of
/// dimensions and members are the catalogue's (indicator_dimensions); these are the panels' own words.
/// </summary>
public static class DimensionLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : Labels.T(lang, key);

    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["dim.title"] = ("Per caratteristica dei nuclei", "By household characteristic"),
        ["dim.note"] = ("I gruppi della caratteristica scelta affiancati al totale del territorio, nel mese.",
                        "The groups of the chosen characteristic side by side with the territory's total, in the month."),
        ["dim.indicator"] = ("Indicatore", "Indicator"),
        ["dim.dimension"] = ("Caratteristica", "Characteristic"),
        ["dim.show"] = ("Mostra", "Show"),
        ["dim.total"] = ("Totale", "Total"),
        ["dim.chart"] = ("Valore per gruppo", "Value by group"),
        ["dim.refused"] = ("Selezione non valida", "Not a valid selection"),
        ["measure.title"] = ("Serie per misura: REI → RdC → ADI/SFL", "Series by measure: REI → RdC → ADI/SFL"),
        ["measure.note"] = ("Le linee verticali segnano il primo mese di ciascuna misura nel territorio.",
                            "The vertical lines mark each measure's first month in the territory."),
        ["measure.start"] = ("inizio", "starts"),
        ["col.target"] = ("Obiettivo", "Target"),
        ["target.line"] = ("Obiettivo", "Target"),
        ["col.target_rule"] = ("Obiettivo del programma", "Programme target"),
        ["target.at_most"] = ("al massimo", "at most"),
        ["target.at_least"] = ("almeno", "at least"),
    };
}
