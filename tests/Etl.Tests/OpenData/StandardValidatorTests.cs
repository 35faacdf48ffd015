using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Monitoring.Etl.OpenData;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// The release checked by validators nobody on the project wrote (tests/Etl.Tests/Validators, run as a node
/// process): Frictionless datapackage-js 1.1.10 / tableschema-js 1.12.6 read the package and cast every CSV cell;
/// jsonld.js 9 + rdf-validate-shacl 0.6.5 check dcat.jsonld and the catalogue against the EU DCAT-AP 2.1.1 and
/// 3.0.1 shapes and AgID's DCAT-AP_IT rule. Zero results of any severity are allowed.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public class StandardValidatorTests(TinyWarehouseFixture fx)
{
    [Fact]
    public void The_release_passes_frictionless_and_every_shacl_shape_with_no_violation_and_no_warning()
    {
        var report = ReleaseValidators.Run(fx.Release.Folder);

        var frictionless = report["frictionless"]!;
        Assert.Empty(frictionless["errors"]!.AsArray().Select(e => (string)e!));
        Assert.True((bool)frictionless["valid"]!);
        // the validator really read the tables: every CSV data row, cast against its schema
        foreach (var table in new[] { "indicators", "territories" })
            Assert.Equal(File.ReadLines(Path.Combine(fx.Release.Folder, table + ".csv")).Count() - 1, (int)frictionless["rows"]![table + "-csv"]!);

        Assert.Empty(ReleaseValidators.ShaclResults(report, "Violation", "Warning", "Info"));
        Assert.True((int)report["shacl"]!["dataTriples"]! > 150, "the JSON-LD must expand to the whole record");
        Assert.All(report["shacl"]!["sets"]!.AsObject(), s => Assert.True((bool)s.Value!["conforms"]!, s.Key));
    }

    [Fact]
    public void The_validators_refuse_the_faults_the_issue_found()
    {
        using var dir = new TempDir();
        var copy = dir["release"];
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(fx.Release.Folder)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));

        // The faults as the first release had them: Parquet declared tabular; a literal media type; a text dct:source.
        var pkg = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "datapackage.json")))!.AsObject();
        foreach (var r in pkg["resources"]!.AsArray()) if ((string?)r!["format"] == "parquet") r["profile"] = "tabular-data-resource";
        File.WriteAllText(Path.Combine(copy, "datapackage.json"), pkg.ToJsonString());
        var dcat = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "dcat.jsonld")))!.AsObject();
        var dataset = dcat["@graph"]!.AsArray()[1]!.AsObject();
        dataset["dct:source"] = "Fonte: ISTAT — CC BY 3.0 IT";
        dataset["dcat:distribution"]!.AsArray()[0]!["dcat:mediaType"] = "text/csv";
        File.WriteAllText(Path.Combine(copy, "dcat.jsonld"), dcat.ToJsonString());

        var report = ReleaseValidators.Run(copy);
        Assert.Contains(report["frictionless"]!["errors"]!.AsArray(), e => ((string)e!).Contains("parquet", StringComparison.OrdinalIgnoreCase));
        var violations = ReleaseValidators.ShaclResults(report, "Violation");
        Assert.Contains(violations, v => v.Contains("http://purl.org/dc/terms/source"));
        Assert.Contains(violations, v => v.Contains("http://www.w3.org/ns/dcat#mediaType"));
    }

    [Fact]
    public void A_second_release_adds_a_dataset_version_and_leaves_the_first_release_byte_for_byte_as_it_was()
    {
        using var dir = new TempDir();
        var outDir = dir["opendata"];
        var first = OpenDataPublisher.Publish(fx.DataDir, outDir, new OpenDataOptions { BaseUrl = "https://opendata.example.org/adi", Now = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero) });
        var before = Directory.GetFiles(first.Folder).ToDictionary(Path.GetFileName, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

        // A later run of the pipeline (a new snapshot in service) on a copy of the data folder, then its release.
        var data2 = dir["data2"];
        CopyTree(fx.DataDir, data2);
        var run = PipelineRunner.Run(new PipelineOptions { Source = Path.Combine(fx.Root, "export"), DataDir = data2, Demo = true });
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var second = OpenDataPublisher.Publish(data2, outDir, new OpenDataOptions { BaseUrl = "https://opendata.example.org/adi", Now = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero) });
        Assert.NotEqual(first.ReleaseId, second.ReleaseId);

        var after = Directory.GetFiles(first.Folder).ToDictionary(Path.GetFileName, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        Assert.Equal(before, after);

        var secondDataset = DcatWriter.ReadDataset(Path.Combine(second.Folder, "dcat.jsonld"))!;
        Assert.Equal(DcatWriter.DatasetId("https://opendata.example.org/adi", first.ReleaseId), (string?)secondDataset["dcat:previousVersion"]!["@id"]);
        Assert.Equal(second.ReleaseId, (string?)secondDataset["owl:versionInfo"]);

        // The catalogue a harvester reads lists both versions, and is itself valid.
        var catalogFile = Path.Combine(outDir, CatalogWriter.FileName);
        var graph = JsonNode.Parse(File.ReadAllText(catalogFile))!["@graph"]!.AsArray();
        var catalog = graph[0]!;
        Assert.Contains("dcatapit:Catalog", catalog["@type"]!.AsArray().Select(t => (string)t!));
        Assert.Equal([DcatWriter.DatasetId("https://opendata.example.org/adi", first.ReleaseId), DcatWriter.DatasetId("https://opendata.example.org/adi", second.ReleaseId)],
            catalog["dcat:dataset"]!.AsArray().Select(d => (string)d!["@id"]!).ToArray());
        Assert.Equal(3, graph.Count);
        var report = ReleaseValidators.Run(outDir, catalogFile);
        Assert.Empty(ReleaseValidators.ShaclResults(report, "Violation", "Warning", "Info"));
    }

    static void CopyTree(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(d.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            if (!f.EndsWith(".lock", StringComparison.Ordinal)) File.Copy(f, f.Replace(from, to));
    }
}
