using System.Text.Json.Nodes;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// DCAT-AP_IT metadata of a release in JSON-LD, valid against the EU DCAT-AP 2.1.1 and 3.0.1 SHACL shapes and
/// AgID's mandatory dataset rule (tests/Etl.Tests/Validators). One graph holds the dcatapit:Catalog (publisher,
/// homepage, theme taxonomy, the dataset linked) and this release's dcatapit:Dataset, one VERSION of the
/// indicators (owl:versionInfo, dcat:version, dcat:previousVersion → the release before it): every release adds
/// a version and never rewrites an earlier one. (dct:isVersionOf is not used: DCAT-AP 2.1.1 wants its object to be
/// a complete dcat:Dataset, which a series record rewritten on every release would have to be.) Every value taken from a controlled vocabulary is an IRI typed
/// with the class DCAT-AP gives its range (the EU authority tables, IANA media types, AgID's licence
/// vocabulary), so a validator needs no vocabulary loaded to accept it.
/// </summary>
public static class DcatWriter
{
    const string Eu = "http://publications.europa.eu/resource/authority/";
    const string Iana = "https://www.iana.org/assignments/media-types/";
    const string IpaCode = "m_lps"; // Ministero del Lavoro e delle Politiche Sociali in the IPA register
    const string AgidCcBy40 = "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40";

    public static readonly JsonObject Context = new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["dcatapit"] = "http://dati.gov.it/onto/dcatapit#",
        ["dcatap"] = "http://data.europa.eu/r5r/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["adms"] = "http://www.w3.org/ns/adms#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
    };

    /// <summary>One file of the release: name, EU file-type code (CSV, PARQUET, XLSX) and IANA media type.</summary>
    public sealed record DistributionFile(string File, string Format, string MediaType, string TitleIt, string TitleEn);

    /// <summary>The release's own record: {"@context", "@graph": [catalogue, dataset version]}.</summary>
    public static JsonObject Build(ReleaseInfo release, IEnumerable<DistributionFile> files, string? previousReleaseId)
    {
        var dataset = Dataset(release, files, previousReleaseId);
        return Document(Catalog(release.BaseUrl, release.Issued, [DatasetId(release.BaseUrl, release.Id)]), [dataset]);
    }

    /// <summary>The catalogue over every release (outDir/catalog.jsonld): the catalogue node and each release's dataset node, as that release wrote it.</summary>
    public static JsonObject BuildCatalog(string baseUrl, DateTimeOffset modified, IReadOnlyList<JsonObject> datasets) =>
        Document(Catalog(baseUrl, modified, datasets.Select(d => (string)d["@id"]!).ToList()), datasets.Select(d => (JsonNode)d.DeepClone()).ToList());

    /// <summary>The dataset node of a release's dcat.jsonld (the catalogue gathers them).</summary>
    public static JsonObject? ReadDataset(string dcatFile)
    {
        if (!File.Exists(dcatFile)) return null;
        var doc = JsonNode.Parse(File.ReadAllText(dcatFile)) as JsonObject;
        return (doc?["@graph"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(n => Types(n).Contains("dcatapit:Dataset"));
    }

    public static string DatasetId(string baseUrl, string releaseId) => $"{baseUrl.TrimEnd('/')}/{releaseId}/#dataset";

    static JsonObject Document(JsonObject catalog, IEnumerable<JsonNode> datasets)
    {
        var graph = new JsonArray(catalog);
        foreach (var d in datasets) graph.Add(d);
        return new JsonObject { ["@context"] = Context.DeepClone(), ["@graph"] = graph };
    }

    static JsonObject Catalog(string baseUrl, DateTimeOffset modified, IReadOnlyList<string> datasetIds) => new()
    {
        ["@id"] = baseUrl.TrimEnd('/') + "/#catalog",
        ["@type"] = new JsonArray("dcat:Catalog", "dcatapit:Catalog"),
        ["dct:title"] = new JsonArray(Lang("Dati aperti del monitoraggio dell'Assegno di Inclusione", "it"), Lang("Assegno di Inclusione monitoring open data", "en")),
        ["dct:description"] = new JsonArray(
            Lang("Catalogo delle release di dati aperti del monitoraggio ADI del Ministero del Lavoro e delle Politiche Sociali.", "it"),
            Lang("Catalogue of the open-data releases of the Ministry of Labour and Social Policies' ADI monitoring.", "en")),
        ["dct:publisher"] = Publisher(),
        ["dct:issued"] = new JsonObject { ["@value"] = "2026-01-01", ["@type"] = "xsd:date" },
        ["dct:modified"] = Date(modified),
        ["dct:language"] = Language(),
        ["dct:license"] = Licence(),
        ["dct:spatial"] = Italy(),
        ["foaf:homepage"] = new JsonObject { ["@id"] = baseUrl.TrimEnd('/') + "/", ["@type"] = "foaf:Document" },
        ["dcat:themeTaxonomy"] = new JsonObject { ["@id"] = Eu + "data-theme", ["@type"] = "skos:ConceptScheme", ["dct:title"] = Lang("Data theme", "en") },
        ["dcat:dataset"] = new JsonArray(datasetIds.Select(id => (JsonNode)new JsonObject { ["@id"] = id }).ToArray()),
    };

    static JsonObject Dataset(ReleaseInfo release, IEnumerable<DistributionFile> files, string? previousReleaseId)
    {
        var distributions = new JsonArray();
        foreach (var f in files)
        {
            distributions.Add(new JsonObject
            {
                ["@id"] = release.DownloadUrl(f.File),
                ["@type"] = new JsonArray("dcat:Distribution", "dcatapit:Distribution"),
                ["dct:title"] = new JsonArray(Lang($"{f.TitleIt} ({f.Format})", "it"), Lang($"{f.TitleEn} ({f.Format})", "en")),
                ["dct:description"] = new JsonArray(Lang($"File {f.File} della release {release.Id}.", "it"), Lang($"File {f.File} of release {release.Id}.", "en")),
                ["dcat:accessURL"] = new JsonObject { ["@id"] = release.LandingUrl },
                ["dcat:downloadURL"] = new JsonObject { ["@id"] = release.DownloadUrl(f.File) },
                ["dct:format"] = new JsonObject { ["@id"] = Eu + "file-type/" + f.Format, ["@type"] = "dct:MediaTypeOrExtent" },
                ["dcat:mediaType"] = new JsonObject { ["@id"] = Iana + f.MediaType, ["@type"] = "dct:MediaType" },
                ["dct:license"] = Licence(),
                ["dct:rights"] = Rights(),
                ["dcatap:availability"] = Concept(Eu + "planned-availability/STABLE", "Stabile", "Stable"),
                ["dct:issued"] = Date(release.Issued),
                ["dct:modified"] = Date(release.Issued),
                ["dct:language"] = Language(),
                ["dct:conformsTo"] = Standard("https://specs.frictionlessdata.io/table-schema/", "table-schema", "Frictionless Table Schema (datapackage.json)"),
            });
        }
        var dataset = new JsonObject
        {
            ["@id"] = DatasetId(release.BaseUrl, release.Id),
            ["@type"] = new JsonArray("dcat:Dataset", "dcatapit:Dataset"),
            ["dct:identifier"] = $"{IpaCode}:adi-monitoring:{release.Id}",
            ["dct:title"] = new JsonArray(Lang($"Monitoraggio dell'Assegno di Inclusione — indicatori pubblici, release {release.Id}", "it"), Lang($"Assegno di Inclusione monitoring — public indicators, release {release.Id}", "en")),
            ["dct:description"] = new JsonArray(
                Lang($"Indicatori pubblici del programma ADI per mese ({release.FirstMonth}–{release.LastMonth}) per Italia, regioni e ambiti territoriali sociali, con controllo della riservatezza. Popolazione: {ReleaseSchema.IstatAttribution}.", "it"),
                Lang($"Public indicators of the ADI programme by month ({release.FirstMonth}–{release.LastMonth}) for Italy, regions and social-service districts (ATS), with disclosure control. Population: {ReleaseSchema.IstatAttribution}.", "en")),
            ["dct:publisher"] = Publisher(),
            ["dct:rightsHolder"] = Publisher(),
            ["dcat:contactPoint"] = new JsonObject
            {
                ["@id"] = release.BaseUrl.TrimEnd('/') + "/#contact",
                ["@type"] = new JsonArray("dcatapit:Organization", "vcard:Organization", "vcard:Kind"),
                ["vcard:fn"] = "Ministero del Lavoro e delle Politiche Sociali — Monitoraggio ADI",
                ["vcard:hasEmail"] = new JsonObject { ["@id"] = "mailto:opendata@lavoro.gov.it" },
            },
            ["dct:issued"] = Date(release.Issued),
            ["dct:modified"] = Date(release.Issued),
            ["dcat:theme"] = Concept(Eu + "data-theme/SOCI", "Popolazione e società", "Population and society"),
            ["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = Eu + "frequency/MONTHLY", ["@type"] = "dct:Frequency" },
            ["dct:language"] = Language(),
            ["dct:temporal"] = new JsonObject
            {
                ["@type"] = "dct:PeriodOfTime",
                ["dcat:startDate"] = new JsonObject { ["@value"] = release.FirstMonth + "-01", ["@type"] = "xsd:date" },
                ["dcat:endDate"] = new JsonObject { ["@value"] = release.ReferenceDate.ToString("yyyy-MM-dd"), ["@type"] = "xsd:date" },
            },
            ["dct:spatial"] = Italy(),
            ["dcat:keyword"] = new JsonArray("assegno di inclusione", "ADI", "inclusione sociale", "ambiti territoriali sociali"),
            ["dcat:landingPage"] = new JsonObject { ["@id"] = release.LandingUrl, ["@type"] = "foaf:Document" },
            ["dct:accessRights"] = new JsonObject { ["@id"] = Eu + "access-right/PUBLIC", ["@type"] = "dct:RightsStatement" },
            ["dct:conformsTo"] = Standard("https://specs.frictionlessdata.io/data-package/", "data-package", "Frictionless Data Package v1 (datapackage.json)"),
            // Where the numbers come from, as a statement (DCAT-AP wants a resource for dct:source, not a text).
            ["dct:provenance"] = new JsonObject
            {
                ["@type"] = "dct:ProvenanceStatement",
                ["rdfs:label"] = new JsonArray(
                    Lang($"Calcolato dagli export del sistema informativo GePI (run {release.RunId}) con controllo della riservatezza (soppressione primaria e secondaria). Popolazione: {ReleaseSchema.IstatAttribution}.", "it"),
                    Lang($"Computed from the GePI case-management exports (run {release.RunId}) with disclosure control (primary and secondary suppression). Population: {ReleaseSchema.IstatAttribution}.", "en")),
            },
            ["owl:versionInfo"] = release.Id,
            ["dcat:version"] = release.Id,
            ["adms:versionNotes"] = Lang($"Dati al {release.ReferenceDate:yyyy-MM-dd}; le release precedenti restano pubblicate invariate.", "it"),
            ["dcat:distribution"] = distributions,
        };
        if (previousReleaseId is not null)
            dataset["dcat:previousVersion"] = new JsonObject { ["@id"] = DatasetId(release.BaseUrl, previousReleaseId) };
        return dataset;
    }

    static JsonObject Publisher() => new()
    {
        ["@id"] = "https://www.lavoro.gov.it/#organization",
        ["@type"] = new JsonArray("dcatapit:Agent", "foaf:Agent", "foaf:Organization", "dcatapit:Organization"),
        ["dct:identifier"] = IpaCode,
        ["foaf:name"] = new JsonArray(Lang("Ministero del Lavoro e delle Politiche Sociali", "it"), Lang("Ministry of Labour and Social Policies", "en")),
        ["dct:type"] = Concept("http://purl.org/adms/publishertype/NationalAuthority", "Autorità nazionale", "National authority"),
    };

    /// <summary>CC BY 4.0 from AgID's licence vocabulary (the one DCAT-AP_IT names), typed and named.</summary>
    static JsonObject Licence() => new()
    {
        ["@id"] = AgidCcBy40,
        ["@type"] = new JsonArray("dct:LicenseDocument", "dcatapit:LicenseDocument"),
        ["dct:type"] = Concept("http://purl.org/adms/licencetype/Attribution", "Attribuzione", "Attribution"),
        ["foaf:name"] = new JsonArray(Lang("Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)", "it"), Lang("Creative Commons Attribution 4.0 International (CC BY 4.0)", "en")),
        ["rdfs:seeAlso"] = new JsonObject { ["@id"] = "https://creativecommons.org/licenses/by/4.0/" },
    };

    static JsonObject Rights() => new()
    {
        ["@type"] = "dct:RightsStatement",
        ["rdfs:label"] = new JsonArray(
            Lang($"Citare: Ministero del Lavoro e delle Politiche Sociali — Monitoraggio ADI. Popolazione: {ReleaseSchema.IstatAttribution}.", "it"),
            Lang($"Attribute: Ministry of Labour and Social Policies — ADI monitoring. Population: {ReleaseSchema.IstatAttribution}.", "en")),
    };

    static JsonObject Standard(string iri, string identifier, string title) => new()
    {
        ["@id"] = iri,
        ["@type"] = new JsonArray("dct:Standard", "dcatapit:Standard"),
        ["dct:identifier"] = identifier,
        ["dct:title"] = Lang(title, "en"),
    };

    static JsonObject Language() => new() { ["@id"] = Eu + "language/ITA", ["@type"] = "dct:LinguisticSystem" };

    static JsonObject Concept(string iri, string labelIt, string labelEn) =>
        new() { ["@id"] = iri, ["@type"] = "skos:Concept", ["skos:prefLabel"] = new JsonArray(Lang(labelIt, "it"), Lang(labelEn, "en")) };

    /// <summary>Italy, from the EU country table, with its bounding box and centroid (WGS84, WKT) as DCAT-AP recommends.</summary>
    static JsonObject Italy() => new()
    {
        ["@id"] = Eu + "country/ITA",
        ["@type"] = "dct:Location",
        ["skos:prefLabel"] = new JsonArray(Lang("Italia", "it"), Lang("Italy", "en")),
        ["dcat:bbox"] = new JsonObject { ["@value"] = "POLYGON((6.6 35.5,18.6 35.5,18.6 47.1,6.6 47.1,6.6 35.5))", ["@type"] = "http://www.opengis.net/ont/geosparql#wktLiteral" },
        ["dcat:centroid"] = new JsonObject { ["@value"] = "POINT(12.6 42.5)", ["@type"] = "http://www.opengis.net/ont/geosparql#wktLiteral" },
    };

    static JsonObject Lang(string text, string lang) => new() { ["@value"] = text, ["@language"] = lang };

    static JsonObject Date(DateTimeOffset when) => new() { ["@value"] = when.UtcDateTime.ToString("yyyy-MM-dd"), ["@type"] = "xsd:date" };

    public static void Write(string path, ReleaseInfo release, IEnumerable<DistributionFile> files, string? previousReleaseId) =>
        File.WriteAllText(path, Build(release, files, previousReleaseId).ToJsonString(DataPackageWriter.Indented));

    static IEnumerable<string> Types(JsonObject o) => o["@type"] switch
    {
        JsonArray a => a.Select(t => (string)t!),
        JsonNode n => [(string)n!],
        _ => [],
    };
}
