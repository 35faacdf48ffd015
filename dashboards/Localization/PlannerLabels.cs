namespace Monitoring.Dashboards.Localization;

/// <summary>
/// Italian and English words of the planners' comparison, FTE staffing and budget panels (issue 16). Kept beside
/// <see cref="Labels"/> so these panels grow without touching the shared dictionary; a missing key falls back to it.
/// </summary>
public static class PlannerLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : Labels.T(lang, key);

    /// <summary>A grid column whose label comes from this dictionary ("col.&lt;key&gt;").</summary>
    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["plan.region_ats"] = ("Gli ATS della regione a confronto", "The region's ATS side by side"),
        ["plan.region_ats.note"] = ("Con il valore regionale e nazionale e i limiti di controllo (95% e 99,8%) attorno al valore nazionale.",
                                    "With the regional and national values and the control limits (95% and 99.8%) around the national value."),
        ["plan.peers"] = ("Il tuo ATS rispetto agli altri ATS della regione", "Your ATS against the region's other ATS"),
        ["plan.peers.note"] = ("Gli altri ATS sono mostrati solo come distribuzione, senza nomi.", "The other ATS are shown only as a distribution, not named."),
        ["plan.fte"] = ("Personale in unità a tempo pieno (ore settimanali / 36)", "Staffing in full-time equivalents (weekly hours / 36)"),
        ["plan.fte.note"] = ("Livello essenziale 1 assistente sociale ogni 5.000 residenti, obiettivo 1 ogni 4.000 (L. 178/2020, art. 1, c. 797). Lo Stato contribuisce 40.000 € l'anno per ETP oltre 1:6.500 fino a 1:5.000 e 20.000 € da 1:5.000 a 1:4.000.",
                             "Essential level 1 social worker per 5,000 residents, target 1 per 4,000 (Law 178/2020, art. 1, c. 797). The State pays €40,000 a year per FTE beyond 1:6,500 up to 1:5,000 and €20,000 from 1:5,000 up to 1:4,000."),
        ["plan.ratio_chart"] = ("Residenti per ETP, con le soglie 1:5.000 e 1:4.000", "Residents per FTE, with the 1:5,000 and 1:4,000 lines"),
        ["plan.budget"] = ("Bilancio per fondo e anno", "Budget by fund and year"),
        ["plan.budget.note"] = ("Assunzioni pagabili: somma non ancora impegnata / 40.000 € (costo annuo assunto di un ETP, pari al contributo statale per ETP).",
                                "Hires payable: money not yet committed / €40,000 (assumed yearly cost of one FTE, equal to the State contribution per FTE)."),
        ["col.regional"] = ("Regione", "Region"),
        ["col.peers"] = ("Altri ATS", "Other ATS"),
        ["col.peer_min"] = ("Minimo", "Minimum"),
        ["col.peer_p25"] = ("1° quartile", "1st quartile"),
        ["col.peer_median"] = ("Mediana", "Median"),
        ["col.peer_p75"] = ("3° quartile", "3rd quartile"),
        ["col.peer_max"] = ("Massimo", "Maximum"),
        ["col.population"] = ("Residenti", "Residents"),
        ["col.heads"] = ("Case manager (persone)", "Case managers (heads)"),
        ["col.fte"] = ("ETP", "FTE"),
        ["col.residents_per_fte"] = ("Residenti per ETP", "Residents per FTE"),
        ["col.region_residents_per_fte"] = ("Residenti per ETP, regione", "Residents per FTE, region"),
        ["col.national_residents_per_fte"] = ("Residenti per ETP, Italia", "Residents per FTE, Italy"),
        ["col.households_per_fte"] = ("Nuclei per ETP", "Households per FTE"),
        ["col.region_households_per_fte"] = ("Nuclei per ETP, regione", "Households per FTE, region"),
        ["col.national_households_per_fte"] = ("Nuclei per ETP, Italia", "Households per FTE, Italy"),
        ["col.meets_5000"] = ("Raggiunge 1:5.000", "Meets 1:5,000"),
        ["col.fte_for_5000"] = ("ETP mancanti per 1:5.000", "FTE short of 1:5,000"),
        ["col.fte_for_4000"] = ("ETP mancanti per 1:4.000", "FTE short of 1:4,000"),
        ["col.contribution_now"] = ("Contributo statale oggi (€/anno)", "State contribution today (€/year)"),
        ["col.contribution_at_5000"] = ("Contributo a 1:5.000 (€/anno)", "Contribution at 1:5,000 (€/year)"),
        ["col.contribution_at_4000"] = ("Contributo a 1:4.000 (€/anno)", "Contribution at 1:4,000 (€/year)"),
        ["col.year"] = ("Anno", "Year"),
        ["col.fund"] = ("Fondo", "Fund"),
        ["col.allocated"] = ("Assegnato (€)", "Allocated (€)"),
        ["col.committed"] = ("Impegnato (€)", "Committed (€)"),
        ["col.spent"] = ("Speso (€)", "Spent (€)"),
        ["col.uncommitted"] = ("Non impegnato (€)", "Not committed (€)"),
        ["col.hires_payable"] = ("ETP pagabili per un anno", "FTE payable for a year"),
        ["col.line_5000"] = ("1:5.000", "1:5,000"),
        ["col.line_4000"] = ("1:4.000", "1:4,000"),
    };
}
