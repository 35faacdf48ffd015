using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// The metadata checked against what the standards require, written from the specs:
/// Frictionless Data Package v1 (package: resources ≥ 1, name pattern, licenses with name or path; Data Resource:
/// name (unique, pattern) and path; Tabular Data Resource: schema; Table Schema: fields ≥ 1 with a name and a type
/// from the spec's list, primaryKey naming fields, missingValues strings) and DCAT-AP_IT (mandatory properties of
/// dcatapit:Dataset — identifier, title, description, modified, theme, rightsHolder, accrualPeriodicity,
/// distribution, contact point — and of dcatapit:Distribution — accessURL, format, license). The standards' own
/// validators run in <see cref="StandardValidatorTests"/>.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public partial class MetadataStandardsTests(TinyWarehouseFixture fx)
{
    static readonly string[] TableSchemaTypes = ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"];

    [GeneratedRegex("^([-a-z0-9._/])+$")] private static partial Regex NamePattern();

    JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Release.Folder, file)))!.AsObject();

    [Fact]
    public void Datapackage_json_has_what_frictionless_data_package_v1_requires()
    {
        var pkg = Load("datapackage.json");
        Assert.Matches(NamePattern(), (string)pkg["name"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)pkg["title"]));
        var licenses = pkg["licenses"]!.AsArray();
        Assert.NotEmpty(licenses);
        foreach (var l in licenses) Assert.True(l!["name"] is not null || l["path"] is not null, "a license needs name or path");
        Assert.Contains(licenses, l => (string?)l!["name"] == "CC-BY-4.0");

        var resources = pkg["resources"]!.AsArray();
        Assert.NotEmpty(resources);
        var names = new HashSet<string>();
        foreach (var node in resources)
        {
            var r = node!.AsObject();
            var name = (string)r["name"]!;
            Assert.Matches(NamePattern(), name);
            Assert.True(names.Add(name), $"resource name {name} repeats");
            var path = (string)r["path"]!;
            Assert.False(Path.IsPathRooted(path) || path.Contains(".."), $"path {path} must be relative and inside the package");
            Assert.True(File.Exists(Path.Combine(fx.Release.Folder, path)), $"{path} is missing");
            Assert.False(string.IsNullOrEmpty((string?)r["format"]));
            Assert.False(string.IsNullOrEmpty((string?)r["mediatype"]));
            // v1 allows only CSV as tabular data: the Parquet and .xlsx copies are plain data resources
            Assert.Equal((string)r["format"]! == "csv" ? "tabular-data-resource" : "data-resource", (string?)r["profile"]);
            if ((string)r["format"]! == "csv") Assert.Equal("utf-8", (string?)r["encoding"]);

            var schema = r["schema"]!.AsObject();
            var fields = schema["fields"]!.AsArray();
            Assert.NotEmpty(fields);
            var fieldNames = new List<string>();
            foreach (var f in fields)
            {
                var fname = (string)f!["name"]!;
                Assert.False(string.IsNullOrEmpty(fname));
                Assert.Contains((string)f["type"]!, TableSchemaTypes);
                Assert.False(string.IsNullOrEmpty((string?)f["description"]));
                fieldNames.Add(fname);
            }
            Assert.Equal(fieldNames.Count, fieldNames.Distinct().Count());
            var pk = schema["primaryKey"]!.AsArray().Select(k => (string)k!).ToList();
            Assert.NotEmpty(pk);
            Assert.All(pk, k => Assert.Contains(k, fieldNames));
            if (schema["missingValues"] is JsonArray mv) Assert.All(mv, v => Assert.IsType<string>((string?)v));

            if ((string)r["format"]! == "csv")
            {
                // the CSV's header is the schema's field list, in order (Table Schema: fields in the order of the columns)
                var header = File.ReadLines(Path.Combine(fx.Release.Folder, path)).First().Split(',');
                Assert.Equal(fieldNames, header);
            }
        }
    }

    [Fact]
    public void Dcat_jsonld_is_a_complete_dcat_ap_it_record_a_harvester_can_take()
    {
        var doc = Load("dcat.jsonld");
        var ctx = doc["@context"]!.AsObject();
        Assert.Equal("http://www.w3.org/ns/dcat#", (string?)ctx["dcat"]);
        Assert.Equal("http://purl.org/dc/terms/", (string?)ctx["dct"]);
        Assert.Equal("http://dati.gov.it/onto/dcatapit#", (string?)ctx["dcatapit"]);
        var graph = doc["@graph"]!.AsArray();
        var catalog = graph[0]!.AsObject();
        var ds = graph[1]!.AsObject();

        // the catalogue, with its publisher, and the dataset linked
        Assert.Contains("dcatapit:Catalog", Types(catalog));
        Assert.Equal((string?)ds["@id"], (string?)catalog["dcat:dataset"]!.AsArray().Single()!["@id"]);
        Assert.Contains("dcatapit:Organization", Types(catalog["dct:publisher"]!.AsObject()));
        Assert.NotEmpty(catalog["dct:title"]!.AsArray());

        Assert.Contains("dcatapit:Dataset", Types(ds));
        Assert.False(string.IsNullOrWhiteSpace((string?)ds["dct:identifier"]));
        var titles = ds["dct:title"]!.AsArray();
        Assert.Contains(titles, t => (string?)t!["@language"] == "it" && !string.IsNullOrWhiteSpace((string?)t["@value"]));
        Assert.Contains(titles, t => (string?)t!["@language"] == "en" && !string.IsNullOrWhiteSpace((string?)t["@value"]));
        Assert.NotEmpty(ds["dct:description"]!.AsArray());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)ds["dct:modified"]!["@value"]!);
        Assert.Equal("2026-11-02", (string)ds["dct:issued"]!["@value"]!);
        Assert.Equal("http://publications.europa.eu/resource/authority/data-theme/SOCI", (string?)ds["dcat:theme"]!["@id"]);
        Assert.Equal("http://publications.europa.eu/resource/authority/frequency/MONTHLY", (string?)ds["dct:accrualPeriodicity"]!["@id"]);
        Assert.Equal("http://publications.europa.eu/resource/authority/country/ITA", (string?)ds["dct:spatial"]!["@id"]);
        Assert.Equal("2026-10-31", (string?)ds["dct:temporal"]!["dcat:endDate"]!["@value"]);
        Assert.NotNull(ds["dct:conformsTo"]!["@id"]);
        Assert.Equal("dct:ProvenanceStatement", (string?)ds["dct:provenance"]!["@type"]);
        Assert.Null(ds["dct:source"]); // attribution lives in the provenance statement and the rights
        foreach (var agent in new[] { ds["dct:rightsHolder"]!, ds["dct:publisher"]! })
        {
            Assert.Contains("dcatapit:Organization", Types(agent.AsObject()));
            Assert.False(string.IsNullOrWhiteSpace((string?)agent["dct:identifier"]));
            Assert.NotEmpty(agent["foaf:name"]!.AsArray());
            Assert.Equal("http://purl.org/adms/publishertype/NationalAuthority", (string?)agent["dct:type"]!["@id"]);
        }
        Assert.False(string.IsNullOrWhiteSpace((string?)ds["dcat:contactPoint"]!["vcard:fn"]));
        Assert.Equal(fx.Release.Publication.ReleaseId, (string?)ds["owl:versionInfo"]);

        var distributions = ds["dcat:distribution"]!.AsArray();
        Assert.Equal(8, distributions.Count); // CSV, Parquet and .xlsx of indicators and territories; CSV and Parquet of indicators_by_dimension
        foreach (var node in distributions)
        {
            var d = node!.AsObject();
            Assert.Contains("dcatapit:Distribution", Types(d));
            Assert.StartsWith("https://opendata.example.org/adi/", (string)d["dcat:accessURL"]!["@id"]!);
            var download = (string)d["dcat:downloadURL"]!["@id"]!;
            Assert.True(File.Exists(Path.Combine(fx.Release.Folder, download.Split('/')[^1])), download);
            Assert.Matches("^http://publications.europa.eu/resource/authority/file-type/(CSV|PARQUET|XLSX)$", (string)d["dct:format"]!["@id"]!);
            Assert.StartsWith("https://www.iana.org/assignments/media-types/", (string)d["dcat:mediaType"]!["@id"]!);
            Assert.Equal("dct:MediaType", (string?)d["dcat:mediaType"]!["@type"]);
            Assert.Equal("https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40", (string?)d["dct:license"]!["@id"]);
            Assert.Equal("http://publications.europa.eu/resource/authority/planned-availability/STABLE", (string?)d["dcatap:availability"]!["@id"]);
        }
    }

    static IEnumerable<string> Types(JsonObject o) => o["@type"] switch
    {
        JsonArray a => a.Select(t => (string)t!),
        JsonNode n => [(string)n!],
        _ => [],
    };
}
