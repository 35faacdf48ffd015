using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// What each model may read: every name in its SQL (comments aside). Matching words rather than parsing
/// FROM and JOIN clauses over-approximates (a column named like a table counts too) but cannot miss a
/// comma join or a subquery: a model is rebuilt too often rather than left stale. This is what lets a
/// delta rebuild only the models downstream of what it changed.
/// </summary>
public static partial class ModelInputs
{
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    /// <summary>Every name in <paramref name="sql"/>, lower case.</summary>
    public static IReadOnlySet<string> Of(string sql) =>
        Word().Matches(LineComment().Replace(sql, "")).Select(m => m.Value.ToLowerInvariant()).ToHashSet();

    /// <summary>
    /// Whether a model with this <paramref name="sql"/> must be rebuilt when the tables in
    /// <paramref name="changed"/> (lower case) changed.
    /// </summary>
    public static bool DependsOn(string sql, IReadOnlySet<string> changed) => Of(sql).Overlaps(changed);

    /// <summary>
    /// A fingerprint of every model, indicator and flag SQL file, of the catalogue and of this assembly: a delta may
    /// rebuild only part of a warehouse only when it was built by the very same models.
    /// </summary>
    public static string Fingerprint()
    {
        var root = SqlModels.Root;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".sql", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        // The C# half of the build (indicator value formulas, funnel limits) too: a deterministic build
        // gives the same module id for the same code.
        sha.AppendData(typeof(ModelInputs).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
