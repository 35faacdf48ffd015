namespace Monitoring.Tools.Generate;

/// <summary>
/// Free text as social workers write it in GePI: names of the people met, quotes, semicolons and
/// line breaks. It is personal data the pipeline must drop; here it also exercises CSV quoting.
/// </summary>
internal static class NotesWriter
{
    private static string Title(in PersonDraft p) => p.Female ? "la sig.ra" : "il sig.";

    private static string From(in PersonDraft p) => p.Female ? "dalla sig.ra" : "dal sig.";

    // Italian adjective ending for the person's sex ("presentata" / "presentato").
    private static char E(in PersonDraft p) => p.Female ? 'a' : 'o';

    private static string Full(in PersonDraft p) => $"{p.FirstName} {p.LastName}";

    public static string CaseNote(Random rng, List<PersonDraft> members)
    {
        var a = members[0];
        var other = members.Count > 1 ? members[rng.Next(1, members.Count)] : a;
        return rng.Next(6) switch
        {
            0 => $"Nucleo già noto ai servizi. {Cap(Title(a))} {Full(a)} riferisce difficoltà a pagare l'affitto; sfratto annunciato.",
            1 => $"Segnalazione della scuola per {other.FirstName}: \"assenze frequenti\"; da approfondire con {Title(a)} {a.LastName}.",
            2 => $"Primo contatto telefonico con {Title(a)} {Full(a)}.\nRichiesta ISEE aggiornato e certificato di invalidità.",
            3 => $"{Cap(Title(a))} {a.LastName} chiede supporto per la ricerca di lavoro; disponibile martedì e giovedì mattina.",
            4 => $"Presa in carico congiunta con il CSM. Referente familiare: {Full(other)}, tel. da richiedere.",
            _ => $"Situazione abitativa precaria (casa in affitto, 2 vani); {Title(a)} {Full(a)} dice: \"non ce la facciamo più\".",
        };
    }

    public static string EventNote(Random rng, string eventType, string? outcome, List<PersonDraft> members)
    {
        var a = members[0];
        var other = members.Count > 1 ? members[rng.Next(1, members.Count)] : a;
        return eventType switch
        {
            "convocation" => $"Convocazione inviata per raccomandata a {Full(a)}; copia via SMS.",
            "first_meeting" when outcome == "no_show" => $"{Cap(Title(a))} {Full(a)} non si è presentat{E(a)}; ricontattare.",
            "first_meeting" => rng.Next(2) switch
            {
                0 => $"Colloquio con {Title(a)} {Full(a)}; presente anche {other.FirstName}.",
                _ => $"Colloquio svolto.\n{Cap(Title(a))} {a.LastName} appare collaborativ{E(a)}; documenti \"in arrivo\".",
            },
            "preassessment_completed" => $"Analisi preliminare con {Full(a)}: bisogni su casa; lavoro; salute.",
            "assessment_completed" => $"Quadro di analisi approfondito; coinvolti {other.FirstName} {other.LastName} e la rete familiare.",
            "plan_signed" => $"Patto firmato {From(a)} {Full(a)}.\nImpegni: ricerca attiva; frequenza scolastica dei figli.",
            "monitoring_meeting" => rng.Next(3) switch
            {
                0 => $"Verifica del patto con {Full(a)}: impegni rispettati in parte; rivedere tra un mese.",
                1 => $"{Cap(Title(a))} {a.LastName} riferisce: \"ho trovato un lavoretto\"; da verificare.",
                _ => $"Monitoraggio; {other.FirstName} ha iniziato il tirocinio.",
            },
            "closed" => $"Chiusura concordata con {Title(a)} {Full(a)}; fascicolo archiviato.",
            _ => $"Aggiornamento su {Full(a)}.",
        };
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
