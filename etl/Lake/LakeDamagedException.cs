namespace Monitoring.Etl.Lake;

/// <summary>
/// A file of a lake is missing, truncated or altered: the message names the file (its path from the lake folder on)
/// and what is wrong with it, never a value, so an operator knows which snapshot to restore or reload.
/// </summary>
public sealed class LakeDamagedException(string path, string problem)
    : Exception($"lake file {Shown(path)} {problem}")
{
    public string FilePath { get; } = path;

    /// <summary>snapshots/&lt;run&gt;/lake/... rather than the whole absolute path.</summary>
    static string Shown(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var lake = Array.LastIndexOf(parts, "lake");
        return lake >= 2 ? string.Join('/', parts[(lake - 2)..]) : path;
    }
}
