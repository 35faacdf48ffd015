using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// The Frictionless Data Package (v1) descriptor, accepted by datapackage-js 1.1.10 (tests/Etl.Tests/Validators):
/// a "data-package" whose CSV files are "tabular-data-resource"s (path, format, mediatype, encoding, dialect and
/// their Table Schema: fields, primaryKey, missingValues — "&lt;10" marks a small count in the CSV value column),
/// and whose Parquet and .xlsx copies are plain "data-resource"s: the v1 spec allows only CSV as tabular data, so a
/// package that declared them tabular would be refused ("Tabular format parquet is not supported"). They carry the
/// same schema as information, and say in their description that they are the same table.
/// </summary>
public static class DataPackageWriter
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Build(ReleaseInfo release)
    {
        var resources = new JsonArray();
        foreach (var r in ReleaseSchema.All)
            foreach (var (format, mediaType) in r.Formats)
                resources.Add(Resource(r, format, mediaType, release));
        return new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = "adi-monitoring-" + release.Id.ToLowerInvariant(),
            ["id"] = "adi-monitoring/" + release.Id,
            ["title"] = "Monitoraggio dell'Assegno di Inclusione (ADI) — indicatori pubblici",
            ["description"] = "Public indicators of the ADI minimum-income programme by month for Italy, regions and ATS, and by dimension (measure, pathway, household, ISEE, applicant) for Italy and the regions, with disclosure control. Population: " + ReleaseSchema.IstatAttribution + ".",
            ["version"] = release.Id,
            ["created"] = release.Issued.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = "CC-BY-4.0",
                ["path"] = "https://creativecommons.org/licenses/by/4.0/",
                ["title"] = "Creative Commons Attribution 4.0",
            }),
            ["sources"] = new JsonArray(
                new JsonObject { ["title"] = "GePI (CMIS) export, monitoring warehouse run " + release.RunId },
                new JsonObject { ["title"] = ReleaseSchema.IstatAttribution, ["path"] = "https://www.istat.it/" }),
            ["resources"] = resources,
        };
    }

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static JsonObject Resource(ResourceSpec r, string format, string mediaType, ReleaseInfo release)
    {
        var fields = new JsonArray();
        foreach (var f in r.Fields)
        {
            var field = new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["description"] = f.DescriptionEn + " / " + f.DescriptionIt };
            if (f.Type == "yearmonth") field["format"] = "default";
            fields.Add(field);
        }
        var schema = new JsonObject
        {
            ["fields"] = fields,
            ["primaryKey"] = new JsonArray(r.PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
        };
        if (r.MissingValues is not null && format == "csv")
            schema["missingValues"] = new JsonArray(r.MissingValues.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
        var resource = new JsonObject
        {
            ["profile"] = format == "csv" ? "tabular-data-resource" : "data-resource",
            ["name"] = $"{r.Name}-{format}",
            ["path"] = $"{r.Name}.{format}",
            ["title"] = r.TitleEn,
            ["description"] = r.TitleIt + " / " + r.TitleEn + (format == "csv" ? "" : $" — {format}, same rows as {r.Name}.csv"),
            ["format"] = format,
            ["mediatype"] = mediaType,
            ["schema"] = schema,
        };
        if (format == "csv") resource["encoding"] = "utf-8";
        if (format == "csv")
            resource["dialect"] = new JsonObject { ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["quoteChar"] = "\"", ["doubleQuote"] = true, ["header"] = true };
        if (r.Source is not null) resource["sources"] = new JsonArray(new JsonObject { ["title"] = r.Source });
        return resource;
    }

    public static void Write(string path, ReleaseInfo release) =>
        File.WriteAllText(path, Build(release).ToJsonString(Indented));
}
