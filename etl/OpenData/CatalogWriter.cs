using System.Text.Json.Nodes;
using Monitoring.Warehouse.Disclosure;
using Monitoring.DataDir.Releases;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// OUT/catalog.jsonld: the DCAT-AP_IT catalogue a harvester (dati.gov.it's) reads at one address — the
/// dcatapit:Catalog with every release's dataset version, each copied from that release's own dcat.jsonld. Only
/// this file is replaced (temporary file + rename) when a release is added; the releases' files stay as written.
/// A release folder without a DCAT-AP_IT graph (written before the catalogue existed) is left out.
/// </summary>
public static class CatalogWriter
{
    public const string FileName = "catalog.jsonld";

    public static void Write(string outDir, ReleaseInfo latest)
    {
        var datasets = OpenDataReleases.List(outDir)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => DcatWriter.ReadDataset(Path.Combine(outDir, r.Id, "dcat.jsonld")))
            .OfType<JsonObject>()
            .ToList();
        var path = Path.Combine(outDir, FileName);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, DcatWriter.BuildCatalog(latest.BaseUrl, latest.Issued, datasets).ToJsonString(DataPackageWriter.Indented));
        File.Move(tmp, path, overwrite: true);
    }
}
