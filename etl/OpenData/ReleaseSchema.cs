namespace Monitoring.Etl.OpenData;

/// <summary>The tables of an open-data release, described once for the dictionary, the data package and the Parquet metadata.</summary>
public static class ReleaseSchema
{
    public const string IstatAttribution = "Fonte: ISTAT — CC BY 3.0 IT";

    public static readonly ResourceSpec Indicators = new("indicators",
        "Indicatori pubblici del monitoraggio ADI per mese e territorio",
        "Public ADI monitoring indicators by month and territory",
        [
            new("indicator_id", "string", "VARCHAR", "Identificativo dell'indicatore (vedi dizionario).", "Indicator identifier (see the dictionary)."),
            new("level", "string", "VARCHAR", "Livello territoriale: national, region, ats.", "Territorial level: national, region, ats."),
            new("territory_code", "string", "VARCHAR", "Codice del territorio: IT, codice ISTAT della regione (2 cifre) o codice ATS.", "Territory code: IT, ISTAT region code (2 digits) or ATS code."),
            new("territory_name", "string", "VARCHAR", "Nome del territorio.", "Territory name."),
            new("region_code", "string", "VARCHAR", "Codice ISTAT della regione del territorio (vuoto per l'Italia).", "ISTAT code of the territory's region (empty for Italy)."),
            new("month", "yearmonth", "VARCHAR", "Mese di riferimento (AAAA-MM).", "Reference month (YYYY-MM)."),
            new("value", "number", "DOUBLE", "Valore pubblicato; '<10' per un conteggio inferiore a 10 (solo CSV); vuoto se non pubblicato (vedi status).", "Published value; '<10' for a count below 10 (CSV only); empty when withheld (see status)."),
            new("status", "string", "VARCHAR", "published, small_count (<10), small_denominator (denominatore <20), secondary_suppression (oscurato per non ricavare per differenza un valore nascosto), no_value.", "published, small_count (<10), small_denominator (denominator <20), secondary_suppression (hidden so that a hidden value cannot be recovered by subtraction), no_value."),
        ],
        ["indicator_id", "level", "territory_code", "month"],
        MissingValues: ["", "<10"]);

    public static readonly ResourceSpec Territories = new("territories",
        "Territori e popolazione (censimento 2011)",
        "Territories and population (2011 census)",
        [
            new("level", "string", "VARCHAR", "Livello territoriale: national, region, ats.", "Territorial level: national, region, ats."),
            new("territory_code", "string", "VARCHAR", "Codice del territorio.", "Territory code."),
            new("territory_name", "string", "VARCHAR", "Nome del territorio.", "Territory name."),
            new("region_code", "string", "VARCHAR", "Codice ISTAT della regione (vuoto per l'Italia).", "ISTAT region code (empty for Italy)."),
            new("population_2011", "integer", "BIGINT", "Popolazione residente al censimento 2011 dei comuni membri alla data di riferimento. " + IstatAttribution + ".", "Resident population at the 2011 census of the member municipalities on the reference date. " + IstatAttribution + "."),
        ],
        ["level", "territory_code"],
        Source: IstatAttribution);

    /// <summary>
    /// The members of each public indicator's dimensions (indicators-v1.md § Dimensions) for Italy and the regions, under
    /// the same disclosure control as <see cref="Indicators"/>: a territory's members add up to its total there, and each
    /// member over the regions to Italy's, and no hidden cell can be recovered across them.
    /// </summary>
    public static readonly ResourceSpec IndicatorsByDimension = new("indicators_by_dimension",
        "Indicatori pubblici per dimensione (misura, percorso, composizione del nucleo, ISEE, richiedente), per mese, Italia e regioni",
        "Public indicators by dimension (measure, pathway, household, ISEE, applicant), by month, for Italy and the regions",
        [
            .. Indicators.Fields.Take(6),
            new("dimension", "string", "VARCHAR", "Dimensione (vedi dizionario): measure, pathway, household_size, with_minors, with_over_60, with_disabled, isee_band, applicant_sex, applicant_age, applicant_citizenship.", "Dimension (see the dictionary): measure, pathway, household_size, with_minors, with_over_60, with_disabled, isee_band, applicant_sex, applicant_age, applicant_citizenship."),
            new("member", "string", "VARCHAR", "Modalità della dimensione (codice, vedi dizionario); le modalità di una dimensione sommano al totale in indicators.csv per i conteggi.", "Member of the dimension (code, see the dictionary); for counts the members of a dimension add up to the total in indicators.csv."),
            .. Indicators.Fields.Skip(6),
        ],
        ["indicator_id", "level", "territory_code", "month", "dimension", "member"],
        MissingValues: ["", "<10"], Spreadsheet: false);

    public static readonly IReadOnlyList<ResourceSpec> All = [Indicators, Territories, IndicatorsByDimension];
}
