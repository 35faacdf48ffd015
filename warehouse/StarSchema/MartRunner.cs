using DuckDB.NET.Data;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// Builds the star schema: each model of <c>sql/marts</c>, in the order of <c>models.txt</c>
/// (dimensions, then facts), becomes a table named after its file.
/// </summary>
public static class MartRunner
{
    public const string Folder = "marts";

    /// <summary>The model names in build order; fails when a .sql file is missing from the list or vice versa.</summary>
    public static IReadOnlyList<string> ModelOrder()
    {
        var listed = File.ReadAllLines(SqlModels.PathOf($"{Folder}/models.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var onDisk = Directory.GetFiles(SqlModels.PathOf(Folder), "*.sql")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var unlisted = onDisk.Except(listed).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var missing = listed.Where(n => !onDisk.Contains(n)).ToList();
        if (unlisted.Count > 0 || missing.Count > 0)
            throw new InvalidOperationException(
                $"sql/marts/models.txt is out of step with the folder: unlisted [{string.Join(", ", unlisted)}], missing [{string.Join(", ", missing)}].");
        return listed;
    }

    public static void Run(DuckDBConnection connection)
    {
        foreach (var model in ModelOrder())
        {
            var select = SqlModels.Load($"{Folder}/{model}.sql");
            SqlRunner.Execute(connection, $"create or replace table {model} as\n{select}", $"{Folder}/{model}");
        }
    }
}
