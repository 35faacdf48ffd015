namespace Monitoring.Dashboards.Localization;

/// <summary>
/// The public page's words for the members of the dimensions (codes as indicators-v1.md § Dimensions publishes them)
/// and for its disaggregated tables, in Italian and English. A code without a label shows the code itself.
/// </summary>
public static class MemberLabels
{
    public static string Member(string lang, string dimension, string member) =>
        Words.TryGetValue(dimension + ":" + member, out var pair) || Words.TryGetValue("*:" + member, out pair)
            ? (lang == "en" ? pair.En : pair.It) : member;

    public static string T(string lang, string key) => Words.TryGetValue(key, out var pair) ? (lang == "en" ? pair.En : pair.It) : key;

    private static readonly Dictionary<string, (string It, string En)> Words = new()
    {
        ["members.title"] = ("Per caratteristiche dei nuclei", "By household characteristics"),
        ["members.picker"] = ("Dimensione", "Dimension"),
        ["members.show"] = ("Mostra", "Show"),
        ["members.picker.label"] = ("Scegli la dimensione", "Choose the dimension"),
        ["members.chart"] = ("Modalità e totale", "Members and total"),
        ["members.note"] = ("Le modalità di una dimensione sommano al totale (per i tassi: numeratori e denominatori). Stesso controllo della riservatezza del resto della pagina e dei dati aperti: anche una modalità nascosta non si ricava per differenza dal totale.",
            "The members of a dimension add up to the total (for rates: their numerators and denominators). Same disclosure control as the rest of the page and the open data: a hidden member cannot be recovered from the total by subtraction either."),
        ["members.none"] = ("Nessun indicatore pubblico ha questa dimensione nel mese.", "No public indicator has this dimension in the month."),
        ["col.member"] = ("Codice", "Code"),
        ["col.member_name"] = ("Modalità", "Member"),
        ["col.dimension"] = ("Dimensione", "Dimension"),
        ["col.territory_code"] = ("Territorio", "Territory"),
        ["*:total"] = ("Totale", "Total"),
        ["*:yes"] = ("Sì", "Yes"),
        ["*:no"] = ("No", "No"),
        ["*:unknown"] = ("Non noto", "Unknown"),
        ["measure:RDC"] = ("RdC", "RdC"),
        ["pathway:social_services"] = ("Servizi sociali", "Social services"),
        ["pathway:employment_services"] = ("Servizi per il lavoro", "Employment services"),
        ["pathway:exempt"] = ("Esonerati", "Exempt"),
        ["pathway:none"] = ("Nessun percorso", "No pathway"),
        ["household_size:1"] = ("1 componente", "1 member"),
        ["household_size:2"] = ("2 componenti", "2 members"),
        ["household_size:3-4"] = ("3–4 componenti", "3–4 members"),
        ["household_size:5+"] = ("5 o più componenti", "5 or more members"),
        ["isee_band:<3000"] = ("Meno di 3.000 €", "Under €3,000"),
        ["isee_band:3000-5999"] = ("3.000–5.999 €", "€3,000–5,999"),
        ["isee_band:6000-9360"] = ("6.000–9.360 €", "€6,000–9,360"),
        ["isee_band:>9360"] = ("Oltre 9.360 €", "Over €9,360"),
        ["applicant_sex:F"] = ("Donna", "Woman"),
        ["applicant_sex:M"] = ("Uomo", "Man"),
        ["applicant_age:<30"] = ("Meno di 30 anni", "Under 30"),
        ["applicant_age:30-49"] = ("30–49 anni", "30–49 years"),
        ["applicant_age:50-64"] = ("50–64 anni", "50–64 years"),
        ["applicant_age:65+"] = ("65 anni e più", "65 and over"),
        ["applicant_citizenship:IT"] = ("Italiana", "Italian"),
        ["applicant_citizenship:EU"] = ("UE", "EU"),
        ["applicant_citizenship:NON_EU"] = ("Extra UE", "Non-EU"),
    };
}
