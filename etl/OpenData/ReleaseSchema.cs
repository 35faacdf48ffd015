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

    public static readonly IReadOnlyList<ResourceSpec> All = [Indicators, Territories];
}
