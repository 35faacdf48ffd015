namespace Monitoring.Dashboards.Localization;

/// <summary>
/// Italian and English words of the region maps (issue 16). Kept beside <see cref="Labels"/> so the maps grow without
/// touching the shared dictionary; a key missing here falls back to it.
/// </summary>
public static class MapLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : Labels.T(lang, key);

    /// <summary>A grid column whose label comes from this dictionary ("col.&lt;key&gt;").</summary>
    public static GridColumn Column(string lang, string key, string format = "text") => new(key, T(lang, "col." + key), format);

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["map.title"] = ("Mappa delle regioni", "Map of the regions"),
        ["map.legend"] = ("Legenda", "Legend"),
        ["map.classes"] = ("Classi di uguale ampiezza tra il valore più basso e il più alto mostrati.",
                           "Classes of equal width between the lowest and the highest value shown."),
        ["map.drill.ats"] = ("Seleziona una regione (clic o Invio) per vederne gli ATS.", "Select a region (click or Enter) to see its ATS."),
        ["map.drill.public"] = ("Seleziona una regione (clic o Invio) per il suo andamento nel tempo.", "Select a region (click or Enter) for its trend over time."),
        ["map.drill.planner"] = ("Seleziona la tua regione (clic o Invio) per i suoi ATS; le altre regioni portano ai dati pubblici.",
                                 "Select your region (click or Enter) for its ATS; the other regions lead to the public data."),
        ["map.table"] = ("Tabella della mappa", "Table of the map"),
        ["map.credit"] = ("Confini regionali", "Region outlines"),
        ["map.status.shown"] = ("", ""),
        ["map.status.suppressed"] = ("Non pubblicato: numeri troppo piccoli (controllo di divulgazione statistica)",
                                     "Not published: numbers too small (statistical disclosure control)"),
        ["map.status.no_data"] = ("Nessun dato", "No data"),
        ["map.status.outside_scope"] = ("Fuori dal tuo ambito (indicatore non pubblico)", "Outside your scope (indicator not public)"),
        ["col.status"] = ("Stato", "Status"),
        ["col.note"] = ("Nota", "Note"),
        ["col.class"] = ("Classe", "Class"),
    };
}
