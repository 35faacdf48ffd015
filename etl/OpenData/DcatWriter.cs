using System.Text.Json.Nodes;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// DCAT-AP_IT metadata of the release in JSON-LD: one dcatapit:Dataset (identifier, titles and descriptions in
/// Italian and English, publisher and rightsHolder as dcatapit:Organization, contact point, dates, theme SOCI,
/// monthly accrual periodicity, language) and one dcatapit:Distribution per file (access and download URL,
/// format from the EU file-type authority list, licence CC BY 4.0).
/// </summary>
public static class DcatWriter
{
    const string Eu = "http://publications.europa.eu/resource/authority/";
    const string IpaCode = "m_lps"; // Ministero del Lavoro e delle Politiche Sociali in the IPA register

    public static JsonObject Build(ReleaseInfo release, IEnumerable<(string File, string Format, string MediaType)> files)
    {
        var publisher = new JsonObject
        {
            ["@id"] = "https://www.lavoro.gov.it/#organization",
            ["@type"] = new JsonArray("dcatapit:Agent", "foaf:Agent", "dcatapit:Organization"),
            ["dct:identifier"] = IpaCode,
            ["foaf:name"] = new JsonArray(Lang("Ministero del Lavoro e delle Politiche Sociali", "it"), Lang("Ministry of Labour and Social Policies", "en")),
        };
        var distributions = new JsonArray();
        foreach (var (file, format, mediaType) in files)
        {
            distributions.Add(new JsonObject
            {
                ["@id"] = release.DownloadUrl(file),
                ["@type"] = new JsonArray("dcat:Distribution", "dcatapit:Distribution"),
                ["dct:title"] = file,
                ["dct:description"] = new JsonArray(Lang($"File {file} della release {release.Id}.", "it"), Lang($"File {file} of release {release.Id}.", "en")),
                ["dcat:accessURL"] = new JsonObject { ["@id"] = release.LandingUrl },
                ["dcat:downloadURL"] = new JsonObject { ["@id"] = release.DownloadUrl(file) },
                ["dct:format"] = new JsonObject { ["@id"] = Eu + "file-type/" + format },
                ["dcat:mediaType"] = mediaType,
                ["dct:license"] = new JsonObject
                {
                    ["@id"] = "https://creativecommons.org/licenses/by/4.0/",
                    ["@type"] = "dcatapit:LicenseDocument",
                    ["dct:type"] = new JsonObject { ["@id"] = "http://purl.org/adms/licencetype/Attribution" },
                    ["foaf:name"] = "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)",
                },
            });
        }
        var dataset = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["dcatapit"] = "http://dati.gov.it/onto/dcatapit#",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
                ["owl"] = "http://www.w3.org/2002/07/owl#",
            },
            ["@id"] = release.LandingUrl + "#dataset",
            ["@type"] = new JsonArray("dcat:Dataset", "dcatapit:Dataset"),
            ["dct:identifier"] = $"{IpaCode}:adi-monitoring:{release.Id}",
            ["dct:title"] = new JsonArray(Lang("Monitoraggio dell'Assegno di Inclusione — indicatori pubblici", "it"), Lang("Assegno di Inclusione monitoring — public indicators", "en")),
            ["dct:description"] = new JsonArray(
                Lang($"Indicatori pubblici del programma ADI per mese ({release.FirstMonth}–{release.LastMonth}) per Italia, regioni e ambiti territoriali sociali, con controllo della riservatezza. Popolazione: {ReleaseSchema.IstatAttribution}.", "it"),
                Lang($"Public indicators of the ADI programme by month ({release.FirstMonth}–{release.LastMonth}) for Italy, regions and social-service districts (ATS), with disclosure control. Population: {ReleaseSchema.IstatAttribution}.", "en")),
            ["dct:publisher"] = publisher,
            ["dct:rightsHolder"] = publisher.DeepClone(),
            ["dcat:contactPoint"] = new JsonObject
            {
                ["@type"] = new JsonArray("dcatapit:Organization", "vcard:Organization", "vcard:Kind"),
                ["vcard:fn"] = "Ministero del Lavoro e delle Politiche Sociali — Monitoraggio ADI",
                ["vcard:hasEmail"] = new JsonObject { ["@id"] = "mailto:opendata@lavoro.gov.it" },
            },
            ["dct:issued"] = Date(release.Issued),
            ["dct:modified"] = Date(release.Issued),
            ["dcat:theme"] = new JsonObject { ["@id"] = Eu + "data-theme/SOCI" },
            ["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = Eu + "frequency/MONTHLY" },
            ["dct:language"] = new JsonObject { ["@id"] = Eu + "language/ITA" },
            ["dct:temporal"] = new JsonObject
            {
                ["@type"] = "dct:PeriodOfTime",
                ["dcat:startDate"] = new JsonObject { ["@value"] = release.FirstMonth + "-01", ["@type"] = "xsd:date" },
                ["dcat:endDate"] = new JsonObject { ["@value"] = release.ReferenceDate.ToString("yyyy-MM-dd"), ["@type"] = "xsd:date" },
            },
            ["dct:spatial"] = new JsonObject { ["@id"] = Eu + "country/ITA" },
            ["dcat:keyword"] = new JsonArray("assegno di inclusione", "ADI", "inclusione sociale", "ambiti territoriali sociali"),
            ["dct:source"] = ReleaseSchema.IstatAttribution,
            ["owl:versionInfo"] = release.Id,
            ["dcat:distribution"] = distributions,
        };
        return dataset;
    }

    static JsonObject Lang(string text, string lang) => new() { ["@value"] = text, ["@language"] = lang };

    static JsonObject Date(DateTimeOffset when) => new() { ["@value"] = when.UtcDateTime.ToString("yyyy-MM-dd"), ["@type"] = "xsd:date" };

    public static void Write(string path, ReleaseInfo release, IEnumerable<(string File, string Format, string MediaType)> files) =>
        File.WriteAllText(path, Build(release, files).ToJsonString(DataPackageWriter.Indented));
}
