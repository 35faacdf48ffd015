namespace Monitoring.Access.Localization;

/// <summary>
/// Italian and English words of the flag episodes (list, detail, summary, the territory's read-only panel). Kept
/// beside <see cref="Labels"/> so these pages grow without touching the shared dictionary; a key missing here falls
/// back to <see cref="Labels"/>.
/// </summary>
public static class EpisodeLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : Labels.T(lang, key);

    /// <summary>A grid column whose label comes from this dictionary ("col.&lt;key&gt;").</summary>
    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    /// <summary>A stored status (open, contacted, …) in words.</summary>
    public static string Status(string lang, string status) => T(lang, "status." + status);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["nav.episodes"] = ("Episodi di allerta", "Flag episodes"),
        ["ep.title"] = ("Episodi di allerta e seguito", "Flag episodes and follow-up"),
        ["ep.intro"] = ("Un episodio va dal primo mese in cui un ATS è segnalato su un indicatore fino a quando torna entro i limiti per il numero di mesi stabilito nel catalogo. Lo stato del seguito vale per tutto l'episodio; \"rientrato\" è calcolato dai dati.",
            "An episode runs from the first month an ATS is flagged on an indicator until it has been back inside the limits for the number of months the catalogue sets. The follow-up status holds for the whole episode; \"recovered\" is computed from the data."),
        ["ep.list"] = ("Episodi", "Episodes"),
        ["ep.summary"] = ("Esito dell'assistenza tecnica", "Outcome of technical assistance"),
        ["ep.summary.text"] = ("Su {0} episodi con assistenza attivata negli ultimi 12 mesi, {1} sono rientrati entro 6 mesi dall'attivazione; su {2} episodi aperti negli ultimi 12 mesi senza assistenza, {3} sono rientrati entro 6 mesi dall'apertura.",
            "Of {0} episodes with assistance activated in the last 12 months, {1} recovered within 6 months of activation; of {2} episodes opened in the last 12 months without assistance, {3} recovered within 6 months of opening."),
        ["ep.detail"] = ("Episodio", "Episode"),
        ["ep.history"] = ("Storia dell'episodio", "Episode history"),
        ["ep.trend"] = ("Andamento dell'indicatore con i limiti del funnel", "Indicator trend with the funnel limits"),
        ["ep.trend.note"] = ("Il mese di attivazione dell'assistenza è segnato nella colonna Evento.", "The month assistance was activated is marked in the Event column."),
        ["ep.territory"] = ("Episodi di allerta del territorio (sola lettura)", "Flag episodes of the territory (read-only)"),
        ["ep.none"] = ("Nessun episodio.", "No episodes."),
        ["ep.unknown"] = ("Episodio non trovato.", "Episode not found."),
        ["ep.change"] = ("Aggiorna lo stato", "Update the status"),
        ["ep.reason"] = ("Motivo (obbligatorio per chiuso senza azione)", "Reason (required for closed without action)"),
        ["ep.save"] = ("Salva", "Save"),
        ["ep.back"] = ("Torna agli episodi", "Back to the episodes"),
        ["filter.status"] = ("Stato", "Status"),
        ["filter.age"] = ("Durata (mesi)", "Age (months)"),
        ["age.0-3"] = ("0–3", "0–3"),
        ["age.4-6"] = ("4–6", "4–6"),
        ["age.7-12"] = ("7–12", "7–12"),
        ["age.13+"] = ("oltre 12", "over 12"),
        ["kind.opened"] = ("Aperto dal caricamento", "Opened by a load"),
        ["kind.status"] = ("Cambio di stato", "Status change"),
        ["kind.recovered"] = ("Rientrato nei limiti", "Back inside the limits"),
        ["kind.migrated"] = ("Dal registro mensile precedente", "From the earlier monthly register"),
        ["event.start"] = ("Inizio episodio", "Episode start"),
        ["event.assistance"] = ("Assistenza attivata", "Assistance activated"),
        ["event.recovered"] = ("Rientrato", "Recovered"),
        ["group.with"] = ("Con assistenza attivata (ultimi 12 mesi)", "With assistance activated (last 12 months)"),
        ["group.without"] = ("Senza assistenza (aperti negli ultimi 12 mesi)", "Without assistance (opened in the last 12 months)"),
        ["col.episode"] = ("Episodio", "Episode"),
        ["col.start_month"] = ("Primo mese segnalato", "First flagged month"),
        ["col.age_months"] = ("Durata (mesi)", "Age (months)"),
        ["col.start_value"] = ("Valore all'apertura", "Value when opened"),
        ["col.latest_month"] = ("Ultimo mese", "Latest month"),
        ["col.latest_value"] = ("Ultimo valore", "Latest value"),
        ["col.worst_severity"] = ("Gravità massima", "Worst severity"),
        ["col.months_flagged"] = ("Mesi segnalati", "Months flagged"),
        ["col.reason"] = ("Motivo", "Reason"),
        ["col.assistance_month"] = ("Assistenza dal mese", "Assistance from month"),
        ["col.assistance_value"] = ("Valore all'assistenza", "Value at assistance"),
        ["col.recovered"] = ("Rientrato", "Recovered"),
        ["col.recovered_month"] = ("Mese di rientro", "Month recovered"),
        ["col.months_to_recovery"] = ("Mesi al rientro", "Months to recovery"),
        ["col.in_data"] = ("Nei dati attuali", "In current data"),
        ["col.updated_by"] = ("Aggiornato da", "Updated by"),
        ["col.updated_at"] = ("Aggiornato il (UTC)", "Updated at (UTC)"),
        ["col.changed_at"] = ("Quando (UTC)", "When (UTC)"),
        ["col.kind"] = ("Tipo", "Kind"),
        ["col.previous_status"] = ("Stato precedente", "Previous status"),
        ["col.changed_by"] = ("Chi", "Who"),
        ["col.event"] = ("Evento", "Event"),
        ["col.group"] = ("Gruppo", "Group"),
        ["col.episodes"] = ("Episodi", "Episodes"),
        ["col.recovered_6m"] = ("Rientrati entro 6 mesi", "Recovered within 6 months"),
        ["col.share"] = ("Quota", "Share"),
        ["col.check_recording"] = ("Registrazione", "Recording"),
        ["col.data_quality"] = ("Qualità dei dati fuori soglia", "Data quality out of range"),
        ["dq.check_first"] = ("verificare prima la registrazione", "check recording first"),
    };
}
