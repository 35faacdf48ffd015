namespace Monitoring.Etl.Cli;

/// <summary>Minimal --name value parsing for the verbs; unknown options are an error that names them.</summary>
public sealed class CliArgs
{
    readonly Dictionary<string, string?> _options = new();
    public IReadOnlyList<string> Positional { get; }

    public CliArgs(IEnumerable<string> args)
    {
        var positional = new List<string>();
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--"))
            {
                var name = list[i][2..];
                string? value = i + 1 < list.Count && !list[i + 1].StartsWith("--") ? list[++i] : null;
                _options[name] = value;
            }
            else positional.Add(list[i]);
        }
        Positional = positional;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;
    public bool Has(string name) => _options.ContainsKey(name);

    public string Require(string name, string verb) =>
        Get(name) ?? throw new CliUsageException($"{verb}: --{name} is required");
}

public sealed class CliUsageException(string message) : Exception(message);
