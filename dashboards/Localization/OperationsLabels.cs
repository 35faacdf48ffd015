namespace Monitoring.Dashboards.Localization;

/// <summary>
/// Italian and English words of the operations page and of the download sections (open data, research extracts).
/// Kept beside <see cref="Labels"/> rather than inside it so these pages can grow without touching the shared
/// dictionary; a key missing here falls back to <see cref="Labels"/>.
/// </summary>
public static class OperationsLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : Labels.T(lang, key);

    /// <summary>A grid column whose label comes from this dictionary ("col.&lt;key&gt;").</summary>
    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["nav.operations"] = ("Operazioni", "Operations"),
        ["nav.research"] = ("Estratti per la ricerca", "Research extracts"),
        ["ops.title"] = ("Operazioni: elaborazioni e caricamenti", "Operations: jobs and loads"),
        ["ops.intro"] = ("Stato delle elaborazioni pianificate e dei caricamenti degli export GePI. Orari in UTC.", "State of the scheduled jobs and of the GePI export loads. Times are UTC."),
        ["ops.last_success"] = ("Ultimo esito positivo di ogni elaborazione", "Last success of each job"),
        ["ops.job_runs"] = ("Esecuzioni recenti delle elaborazioni", "Recent job runs"),
        ["ops.no_jobs"] = ("Nessuno storico delle elaborazioni: il file jobs.duckdb non esiste ancora (lo scheduler non ha ancora eseguito alcuna elaborazione).", "No job history yet: jobs.duckdb does not exist (the scheduler has not run any job so far)."),
        ["ops.no_job_rows"] = ("Lo storico delle elaborazioni è vuoto.", "The job history is empty."),
        ["ops.runs"] = ("Caricamenti (rapporti di esecuzione)", "Loads (run reports)"),
        ["ops.no_runs"] = ("Nessun rapporto di esecuzione in runs/: nessun export è stato ancora caricato.", "No run report in runs/: no export has been loaded yet."),
        ["ops.run_files"] = ("File del caricamento", "Files of the load"),
        ["ops.quarantine"] = ("Quarantena del caricamento", "Quarantine of the load"),
        ["ops.quarantine.none"] = ("Nessuna riga in quarantena in questo caricamento.", "No row was quarantined in this load."),
        ["ops.quarantine.nothing_loaded"] = ("Questo caricamento si è fermato prima della validazione: nessuna riga letta, nessuna in quarantena.", "This load stopped before validation: no row read, none quarantined."),
        ["ops.quarantine.total"] = ("righe in quarantena", "rows quarantined"),
        ["ops.quarantine.files"] = ("Le righe scartate (riga, colonna, motivo, sola chiave pseudonimizzata) sono in quarantine/<run_id>/ nella cartella dati.", "The rejected rows (line, column, reason, pseudonymized key only) are in quarantine/<run_id>/ in the data folder."),
        ["ops.failures"] = ("Elaborazioni non riuscite tra le più recenti", "Failed job runs among the most recent"),
        ["ops.never"] = ("mai", "never"),
        ["ops.select_run"] = ("Scegli un caricamento dall'identificativo nella tabella.", "Pick a load by its id in the table."),
        ["ops.status.succeeded"] = ("riuscito", "succeeded"),
        ["ops.status.failed"] = ("non riuscito", "failed"),
        ["ops.status.skipped"] = ("saltato", "skipped"),
        ["ops.status.refused"] = ("rifiutato", "refused"),
        ["ops.status.unreadable"] = ("illeggibile", "unreadable"),
        ["col.job"] = ("Elaborazione", "Job"),
        ["col.job_type"] = ("Tipo", "Type"),
        ["col.last_success"] = ("Ultimo esito positivo (UTC)", "Last success (UTC)"),
        ["col.last_attempt"] = ("Ultimo tentativo (UTC)", "Last attempt (UTC)"),
        ["col.last_status"] = ("Esito dell'ultimo tentativo", "Last attempt's result"),
        ["col.started_at"] = ("Inizio (UTC)", "Started (UTC)"),
        ["col.finished_at"] = ("Fine (UTC)", "Finished (UTC)"),
        ["col.triggered_by"] = ("Avvio", "Triggered by"),
        ["col.attempt"] = ("Tentativo", "Attempt"),
        ["col.result"] = ("Esito", "Result"),
        ["col.rows"] = ("Righe", "Rows"),
        ["col.export_id"] = ("Export", "Export"),
        ["col.retry"] = ("Nuovo tentativo previsto", "Retry scheduled"),
        ["col.message"] = ("Messaggio", "Message"),
        ["col.run_id"] = ("Esecuzione", "Run"),
        ["col.kind"] = ("Tipo di export", "Export kind"),
        ["col.in_service"] = ("In servizio", "In service"),
        ["col.read"] = ("Lette", "Read"),
        ["col.loaded"] = ("Caricate", "Loaded"),
        ["col.quarantined"] = ("In quarantena", "Quarantined"),
        ["col.error"] = ("Errore", "Error"),
        ["col.file"] = ("File", "File"),
        ["col.unknown_columns"] = ("Colonne sconosciute", "Unknown columns"),
        ["col.reason"] = ("Motivo", "Reason"),
        ["col.extract"] = ("Estratto", "Extract"),
        ["col.project"] = ("Progetto", "Project"),
        ["col.reference_date"] = ("Data di riferimento", "Reference date"),
        ["col.k"] = ("k richiesto", "k required"),
        ["col.achieved_k"] = ("k ottenuto", "k achieved"),
        ["col.bytes"] = ("Byte", "Bytes"),
        ["trigger.schedule"] = ("pianificato", "schedule"),
        ["trigger.chain"] = ("a seguire", "chain"),
        ["trigger.manual"] = ("manuale", "manual"),
        ["opendata.title"] = ("Dati aperti", "Open data"),
        ["opendata.intro"] = ("Gli indicatori pubblici per Italia, regioni e ambiti, con lo stesso controllo della riservatezza di questa pagina, in CSV e Parquet, con dizionario dei dati, datapackage.json (Frictionless) e metadati DCAT-AP_IT. Licenza CC BY 4.0.", "The public indicators for Italy, regions and districts, under the same disclosure control as this page, as CSV and Parquet, with a data dictionary, datapackage.json (Frictionless) and DCAT-AP_IT metadata. Licence CC BY 4.0."),
        ["opendata.current"] = ("Release corrente", "Current release"),
        ["opendata.earlier"] = ("Release precedenti", "Earlier releases"),
        ["opendata.none"] = ("Nessuna release di dati aperti è stata ancora pubblicata.", "No open-data release has been published yet."),
        ["opendata.reference"] = ("dati al", "data as of"),
        ["opendata.issued"] = ("pubblicata il", "issued"),
        ["research.title"] = ("Estratti per la ricerca", "Research extracts"),
        ["research.intro"] = ("Microdati pseudonimizzati per un solo progetto di ricerca (chiavi proprie del progetto, quasi-identificatori generalizzati fino a k-anonimato). Ogni download è registrato.", "Pseudonymized microdata for one research project (the project's own keys, quasi-identifiers generalized to k-anonymity). Every download is logged."),
        ["research.how"] = ("Gli estratti si producono con il comando ETL, non da questa pagina:", "Extracts are produced with the ETL command, not from this page:"),
        ["research.none"] = ("Nessun estratto presente in research/ nella cartella dati.", "No extract in research/ in the data folder."),
        ["research.files"] = ("File degli estratti", "Extract files"),
    };
}
