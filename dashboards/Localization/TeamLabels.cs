namespace Monitoring.Dashboards.Localization;

/// <summary>
/// Italian and English words of the coordinator's team panels (issue 16): per case manager step timing, the
/// unassigned queue, leavers, the next-case suggestion and the GePI id lookup. Kept beside <see cref="Labels"/>
/// so these panels grow without touching the shared dictionary; a key missing here falls back to it.
/// </summary>
public static class TeamLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : Labels.T(lang, key);

    /// <summary>A grid column whose label comes from this dictionary ("col.&lt;key&gt;").</summary>
    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["team.steps"] = ("Tempi delle fasi per case manager (mediana, giorni)", "Step timing per case manager (median days)"),
        ["team.steps.note"] = ("Confronto con la mediana dell'ATS e nazionale; con meno di {0} casi il confronto non è significativo.",
                               "Compared with the ATS and national medians; with fewer than {0} cases the comparison is not meaningful."),
        ["team.unassigned"] = ("Casi aperti senza case manager (dal più vecchio)", "Open cases with no case manager (oldest first)"),
        ["team.unassigned.none"] = ("Nessun caso aperto senza case manager.", "No open case without a case manager."),
        ["team.leavers"] = ("Case manager non più attivi con casi ancora aperti", "Case managers who have left and still hold open cases"),
        ["team.next"] = ("Chi può prendere il prossimo caso", "Who can take the next case"),
        ["team.next.note"] = ("Case manager attivi nel mese, dal carico più basso per unità a tempo pieno (ore settimanali / 36).",
                              "Case managers active in the month, lowest open caseload per full-time equivalent (weekly hours / 36) first."),
        ["team.lookup"] = ("Riconoscere un componente del gruppo", "Recognise a team member"),
        ["team.lookup.label"] = ("Identificativo operatore GePI", "GePI operator id"),
        ["team.lookup.submit"] = ("Evidenzia", "Highlight"),
        ["team.lookup.help"] = ("L'identificativo non viene salvato: il server calcola lo stesso pseudonimo dell'elaborazione ed evidenzia la riga.",
                                "The id is not stored: the server computes the same pseudonym as the pipeline and highlights the row."),
        ["team.lookup.found"] = ("Evidenziato: {0}", "Highlighted: {0}"),
        ["team.lookup.notfound"] = ("Non presente nel tuo ATS", "Not in your ATS"),
        ["team.lookup.unavailable"] = ("Riconoscimento non disponibile: chiave di pseudonimizzazione non configurata.",
                                       "Recognition unavailable: no pseudonymisation key configured."),
        ["team.marked"] = ("evidenziato", "highlighted"),
        ["col.cases"] = ("Casi", "Cases"),
        ["col.compare"] = ("Confronto", "Comparison"),
        ["col.too_few"] = ("troppo pochi per confrontare", "too few to compare"),
        ["col.slower"] = ("più lento dell'ATS", "slower than the ATS"),
        ["col.faster"] = ("non più lento dell'ATS", "not slower than the ATS"),
        ["col.opened_date"] = ("Aperto il", "Opened on"),
        ["col.days_open"] = ("Giorni in attesa", "Days waiting"),
        ["col.active_to"] = ("Attivo fino al", "Active until"),
        ["col.fte"] = ("Unità a tempo pieno (ETP)", "Full-time equivalent (FTE)"),
        ["col.open_per_fte"] = ("Casi aperti per ETP", "Open cases per FTE"),
        ["col.rank"] = ("Ordine", "Rank"),
        ["col.cm_median"] = ("Mediana del case manager", "Case manager median"),
    };
}
