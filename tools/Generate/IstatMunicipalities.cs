namespace Monitoring.Tools.Generate;

/// <summary>Loads the ISTAT list the export's municipality codes must resolve against.</summary>
internal static class IstatMunicipalities
{
    public const string RelativePath = "reference/istat-municipalities-2020.csv";

    public static IReadOnlyList<Municipality> Load(string? path)
    {
        path ??= Locate() ?? throw new FileNotFoundException(
            $"Cannot find {RelativePath} above the working or application directory; pass IstatPath.");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(';');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i : throw new InvalidDataException($"{path}: column {name} missing");
        int code = Col("municipality_code"), name = Col("municipality_name"), prov = Col("province_code"),
            abbr = Col("province_abbr"), region = Col("region_code"), cad = Col("cadastral_code"), pop = Col("population_2011");
        var list = new List<Municipality>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var f = line.Split(';');
            list.Add(new Municipality(f[code], f[name], f[prov], f[abbr], f[region], f[cad],
                int.TryParse(f[pop], out var p) ? p : 0));
        }
        return list;
    }

    private static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
