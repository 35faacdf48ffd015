using System.Xml.Linq;

namespace Monitoring.Dashboards.Maps;

/// <summary>
/// The 20 Italian regions' outlines from the <c>@svg-maps/italy</c> npm package (2.0.0, © Victor Cazanave,
/// CC BY 4.0 — credited under every map and in the README), embedded in the assembly by the build.
/// The package names its shapes in English ("apulia", "trentino-south-tyrol"); the warehouse speaks ISTAT codes. The
/// mapping below is written out, not guessed from names, and checked when the file is read: every shape maps to one
/// region and every region has one shape (Trentino-Alto Adige is one shape here, not its two provinces), else the
/// map refuses to load rather than draw a region twice or leave one out.
/// </summary>
public static class ItalyRegionShapes
{
    public const string ResourceName = "Monitoring.Dashboards.Maps.italy.svg";
    public const string Credit = "@svg-maps/italy 2.0.0 © Victor Cazanave, CC BY 4.0";
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string SourceUrl = "https://github.com/VictorCazanave/svg-maps/tree/master/packages/italy";

    /// <summary>SVG shape id → (ISTAT region code, ISTAT region name as in reference/istat-municipalities-2020.csv).</summary>
    public static readonly IReadOnlyDictionary<string, (string Code, string Name)> IstatOf = new Dictionary<string, (string, string)>
    {
        ["piedmont"] = ("01", "Piemonte"),
        ["aosta-valley"] = ("02", "Valle d'Aosta/Vallée d'Aoste"),
        ["lombardy"] = ("03", "Lombardia"),
        ["trentino-south-tyrol"] = ("04", "Trentino-Alto Adige/Südtirol"),
        ["veneto"] = ("05", "Veneto"),
        ["friuli-venezia-giulia"] = ("06", "Friuli-Venezia Giulia"),
        ["liguria"] = ("07", "Liguria"),
        ["emilia-romagna"] = ("08", "Emilia-Romagna"),
        ["tuscany"] = ("09", "Toscana"),
        ["umbria"] = ("10", "Umbria"),
        ["marche"] = ("11", "Marche"),
        ["lazio"] = ("12", "Lazio"),
        ["abruzzo"] = ("13", "Abruzzo"),
        ["molise"] = ("14", "Molise"),
        ["campania"] = ("15", "Campania"),
        ["apulia"] = ("16", "Puglia"),
        ["basilicata"] = ("17", "Basilicata"),
        ["calabria"] = ("18", "Calabria"),
        ["sicily"] = ("19", "Sicilia"),
        ["sardinia"] = ("20", "Sardegna"),
    };

    private static readonly Lazy<ItalyMap> Loaded = new(() =>
    {
        using var stream = typeof(ItalyRegionShapes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded: build the dashboards project (it runs npm ci in dashboards/npm)");
        return Parse(XDocument.Load(stream));
    });

    /// <summary>The map: its viewBox and the 20 regions ordered by ISTAT code.</summary>
    public static ItalyMap Map => Loaded.Value;

    /// <summary>Reads the package's SVG and maps its shapes to ISTAT regions, failing on any shape or region left unmatched.</summary>
    public static ItalyMap Parse(XDocument svg)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var root = svg.Root ?? throw new InvalidOperationException("empty map SVG");
        var viewBox = (string?)root.Attribute("viewBox") ?? throw new InvalidOperationException("map SVG without viewBox");
        var shapes = new List<RegionShape>();
        foreach (var path in root.Descendants(ns + "path"))
        {
            var id = (string?)path.Attribute("id") ?? throw new InvalidOperationException("map shape without id");
            if (!IstatOf.TryGetValue(id, out var region)) throw new InvalidOperationException($"map shape '{id}' maps to no ISTAT region");
            shapes.Add(new RegionShape(region.Code, id, region.Name, (string?)path.Attribute("d") ?? ""));
        }
        var twice = shapes.GroupBy(s => s.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0) throw new InvalidOperationException($"regions drawn more than once: {string.Join(", ", twice)}");
        var missing = IstatOf.Values.Select(v => v.Code).Except(shapes.Select(s => s.Code)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"regions with no shape: {string.Join(", ", missing)}");
        return new ItalyMap(viewBox, shapes.OrderBy(s => s.Code, StringComparer.Ordinal).ToList());
    }
}
