namespace Monitoring.Access.Localization;

/// <summary>
/// Italian and English words of the alerts inbox, the subscription form and the e-mail digest. A key missing here falls
/// back to <see cref="EpisodeLabels"/> and then <see cref="Labels"/> (statuses, severities).
/// </summary>
public static class AlertLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : EpisodeLabels.T(lang, key);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["nav.alerts"] = ("Notifiche", "Alerts"),
        ["nav.alerts.unread"] = ("{0} non lette", "{0} unread"),
        ["al.title"] = ("Notifiche", "Alerts"),
        ["al.intro"] = ("Nuovi allarmi ed episodi di allerta del tuo territorio, cambi di stato del seguito e, per il Ministero, caricamenti notturni non riusciti o rifiutati. Ultimi 90 giorni.",
            "New alarms and flag episodes in your territory, follow-up status changes and, for the Ministry, nightly loads that failed or were refused. Last 90 days."),
        ["al.none"] = ("Nessuna notifica.", "No alerts."),
        ["al.unread.count"] = ("Da leggere: {0} su {1}.", "Unread: {0} of {1}."),
        ["al.list"] = ("Notifiche", "Alerts"),
        ["al.col.state"] = ("Stato", "State"),
        ["al.col.when"] = ("Quando (UTC)", "When (UTC)"),
        ["al.col.what"] = ("Notifica", "Alert"),
        ["al.col.ats"] = ("ATS", "ATS"),
        ["al.col.region"] = ("Regione", "Region"),
        ["al.col.open"] = ("Apri", "Open"),
        ["al.col.action"] = ("Azione", "Action"),
        ["al.unread"] = ("Da leggere", "Unread"),
        ["al.read"] = ("Letta", "Read"),
        ["al.open"] = ("Apri", "Open"),
        ["al.mark"] = ("Segna come letta", "Mark as read"),
        ["al.mark.all"] = ("Segna tutte come lette", "Mark all as read"),
        ["al.kind.alarm"] = ("Allarme: indicatore {0}, ATS {1}, mese {2}", "Alarm: indicator {0}, ATS {1}, month {2}"),
        ["al.kind.episode"] = ("Nuovo episodio di allerta: indicatore {0}, ATS {1}, dal mese {2} ({3})", "New flag episode: indicator {0}, ATS {1}, from month {2} ({3})"),
        ["al.kind.status"] = ("Cambio di stato: indicatore {0}, ATS {1}: {2} → {3}", "Status change: indicator {0}, ATS {1}: {2} → {3}"),
        ["al.kind.recovered"] = ("Rientrato nei limiti: indicatore {0}, ATS {1}, mese {2}", "Back inside the limits: indicator {0}, ATS {1}, month {2}"),
        ["al.kind.job_failed"] = ("Job pianificato non riuscito: {0}", "Scheduled job failed: {0}"),
        ["al.kind.run_refused"] = ("Caricamento rifiutato: esecuzione {0}", "Load refused: run {0}"),
        ["al.kind.run_failed"] = ("Caricamento non riuscito: esecuzione {0}", "Load failed: run {0}"),
        ["al.sub.title"] = ("Riepilogo giornaliero per e-mail", "Daily e-mail digest"),
        ["al.sub.intro"] = ("Una volta al giorno, le notifiche nuove del tuo territorio: solo codici, conteggi e collegamenti, nessun dato personale. L'indirizzo è conservato solo per l'invio.",
            "Once a day, the new alerts of your territory: codes, counts and links only, no personal data. The address is kept only to send it."),
        ["al.sub.email"] = ("Indirizzo e-mail", "E-mail address"),
        ["al.sub.lang"] = ("Lingua del riepilogo", "Digest language"),
        ["al.sub.save"] = ("Iscriviti", "Subscribe"),
        ["al.sub.update"] = ("Aggiorna l'iscrizione", "Update the subscription"),
        ["al.sub.remove"] = ("Annulla l'iscrizione", "Unsubscribe"),
        ["al.sub.active"] = ("Iscrizione attiva per {0}.", "Subscribed as {0}."),
        ["al.sub.none"] = ("Nessuna iscrizione.", "Not subscribed."),
        ["al.sub.saved"] = ("Iscrizione salvata.", "Subscription saved."),
        ["al.sub.removed"] = ("Iscrizione annullata.", "Subscription removed."),
        ["al.sub.invalid"] = ("Indirizzo e-mail non valido.", "Not a valid e-mail address."),
        ["al.sub.pending"] = ("Ultimo invio non riuscito; nuovo tentativo in corso.", "The last delivery failed; it is being retried."),
        ["digest.subject"] = ("Monitoraggio ADI: {0} nuove notifiche", "ADI monitoring: {0} new alerts"),
        ["digest.intro"] = ("Nuove notifiche per il tuo ambito ({0}) dal monitoraggio dell'Assegno di Inclusione.", "New alerts for your scope ({0}) from the Assegno di Inclusione monitoring."),
        ["digest.counts"] = ("Per tipo:", "By kind:"),
        ["digest.count.alarm"] = ("allarmi del mese", "alarms of the month"),
        ["digest.count.episode"] = ("nuovi episodi", "new episodes"),
        ["digest.count.status"] = ("cambi di stato", "status changes"),
        ["digest.count.recovered"] = ("rientri nei limiti", "recoveries"),
        ["digest.count.job_failed"] = ("job non riusciti", "failed jobs"),
        ["digest.count.run_refused"] = ("caricamenti rifiutati", "refused loads"),
        ["digest.count.run_failed"] = ("caricamenti non riusciti", "failed loads"),
        ["digest.inbox"] = ("Tutte le notifiche: {0}", "All alerts: {0}"),
        ["digest.footer"] = ("Per annullare l'iscrizione, apri la pagina delle notifiche.", "To unsubscribe, open the alerts page."),
    };
}
