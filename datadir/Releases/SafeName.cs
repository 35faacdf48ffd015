using System.Text.RegularExpressions;

namespace Monitoring.DataDir.Releases;

/// <summary>
/// The only names a download URL may carry: one plain file or folder name (letters, digits, '.', '_', '-'), not
/// starting with a dot and never "..". Anything with a separator, an encoded separator or a parent step is refused
/// before any path is built from it; the file must then also be one the listing shows.
/// </summary>
public static partial class SafeName
{
    public static bool IsValid(string? name)
        => name is not null && Plain().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>dir/name when the result stays directly inside dir, else null (defence in depth after <see cref="IsValid"/>).</summary>
    public static string? Inside(string dir, string name)
    {
        if (!IsValid(name)) return null;
        var root = Path.GetFullPath(dir);
        var full = Path.GetFullPath(Path.Combine(root, name));
        return Path.GetDirectoryName(full) == root.TrimEnd(Path.DirectorySeparatorChar) ? full : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")]
    private static partial Regex Plain();
}
