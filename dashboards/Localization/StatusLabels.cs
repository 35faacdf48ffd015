namespace Monitoring.Dashboards.Localization;

/// <summary>Words of the status pages (400, 403, 404, …) and of a refused sign-in, in Italian and English.</summary>
public static class StatusLabels
{
    public static string T(string lang, string key)
        => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : key;

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["status.400.title"] = ("Richiesta non valida", "Bad request"),
        ["status.400.text"] = ("Il modulo è scaduto o non proviene da questo sito. Ricarica la pagina e riprova.",
            "The form has expired or did not come from this site. Reload the page and try again."),
        ["status.403.title"] = ("Accesso negato", "Access denied"),
        ["status.403.text"] = ("Il tuo profilo non consente di vedere questa risorsa.", "Your profile does not allow you to see this resource."),
        ["status.404.title"] = ("Pagina non trovata", "Page not found"),
        ["status.404.text"] = ("L'indirizzo non corrisponde a nessuna pagina.", "The address matches no page."),
        ["status.405.title"] = ("Metodo non consentito", "Method not allowed"),
        ["status.405.text"] = ("Questa azione si esegue solo dal suo modulo.", "This action can only be done from its form."),
        ["status.other.title"] = ("Richiesta non riuscita", "Request failed"),
        ["status.other.text"] = ("La richiesta non è stata eseguita.", "The request was not carried out."),
        ["status.home"] = ("Torna alla pagina iniziale", "Back to the home page"),
        ["signin.refused"] = ("Accesso rifiutato: il tuo account non ha un ruolo o un territorio valido per questi cruscotti.",
            "Sign-in refused: your account has no valid role or territory for these dashboards."),
        ["signin.failed"] = ("Accesso non riuscito presso il fornitore di identità. Riprova.",
            "Sign-in with the identity provider did not succeed. Try again."),
        ["signin.ended"] = ("La sessione è terminata. Accedi di nuovo.", "Your session has ended. Sign in again."),
    };
}
