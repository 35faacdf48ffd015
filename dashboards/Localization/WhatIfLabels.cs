namespace Monitoring.Dashboards.Localization;

/// <summary>
/// Italian and English words of the regional planner's staffing what-if (issue 16). Kept beside <see cref="Labels"/>
/// so the panel grows without touching the shared dictionary; a key missing here falls back to <see cref="PlannerLabels"/>.
/// </summary>
public static class WhatIfLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : PlannerLabels.T(lang, key);

    /// <summary>A grid column whose label comes from this dictionary ("col.&lt;key&gt;").</summary>
    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["whatif.title"] = ("E se spostassi personale? Simulazione tra gli ATS della regione", "What if staff moved? A what-if across the region's ATS"),
        ["whatif.note"] = ("Sposta ETP da un ATS a un altro (o aggiungi nuove assunzioni) e confronta prima e dopo: residenti e nuclei per ETP, ETP mancanti per 1:5.000, contributo statale (L. 178/2020, c. 797) e costo. Costo annuo di un ETP: {0} ({1}).",
                           "Move FTE from one ATS to another (or add new hires) and compare before and after: residents and households per FTE, FTE short of 1:5,000, the State contribution (Law 178/2020, c. 797) and the cost. Yearly cost of one FTE: {0} ({1})."),
        ["whatif.from"] = ("Da", "From"),
        ["whatif.to"] = ("A", "To"),
        ["whatif.fte"] = ("ETP da spostare", "FTE to move"),
        ["whatif.new"] = ("Nuove assunzioni", "New hires"),
        ["whatif.apply"] = ("Calcola", "Calculate"),
        ["whatif.reset"] = ("Azzera", "Clear"),
        ["whatif.moved"] = ("Simulazione: {0} ETP da {1} a {2}.", "What-if: {0} FTE from {1} to {2}."),
        ["whatif.none"] = ("Nessuno spostamento: prima e dopo coincidono.", "No move: before and after are the same."),
        ["whatif.invalid"] = ("Simulazione non valida", "What-if not valid"),
        ["whatif.invalid.move_fte"] = ("Indica un numero di ETP maggiore di 0, non superiore a 1.000 né agli ETP che l'ATS di partenza ha.",
                                       "Give a number of FTE above 0, at most 1,000 and at most the FTE the giving ATS has."),
        ["whatif.invalid.move_to"] = ("Scegli l'ATS che riceve gli ETP.", "Choose the ATS that receives the FTE."),
        ["whatif.invalid.move_from"] = ("Scegli due ATS diversi.", "Choose two different ATS."),
        ["whatif.invalid.region"] = ("Scegli una regione.", "Choose a region."),
        ["whatif.total"] = ("Totale regione", "Region total"),
        ["col.households"] = ("Nuclei beneficiari", "Benefit households"),
        ["col.fte_before"] = ("ETP prima", "FTE before"),
        ["col.fte_after"] = ("ETP dopo", "FTE after"),
        ["col.residents_per_fte_before"] = ("Residenti per ETP prima", "Residents per FTE before"),
        ["col.residents_per_fte_after"] = ("Residenti per ETP dopo", "Residents per FTE after"),
        ["col.households_per_fte_before"] = ("Nuclei per ETP prima", "Households per FTE before"),
        ["col.households_per_fte_after"] = ("Nuclei per ETP dopo", "Households per FTE after"),
        ["col.gap_5000_before"] = ("ETP mancanti per 1:5.000 prima", "FTE short of 1:5,000 before"),
        ["col.gap_5000_after"] = ("ETP mancanti per 1:5.000 dopo", "FTE short of 1:5,000 after"),
        ["col.contribution_before"] = ("Contributo statale prima (€/anno)", "State contribution before (€/year)"),
        ["col.contribution_after"] = ("Contributo statale dopo (€/anno)", "State contribution after (€/year)"),
        ["col.contribution_change"] = ("Variazione del contributo (€/anno)", "Change in contribution (€/year)"),
        ["col.cost_change"] = ("Variazione del costo del personale (€/anno)", "Change in staff cost (€/year)"),
        ["col.net_cost_change"] = ("Variazione a carico dell'ATS (€/anno)", "Change borne by the ATS (€/year)"),
    };
}
