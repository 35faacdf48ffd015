namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// Finds and loads the SQL models. The warehouse csproj copies <c>../sql/**</c> next to the
/// assembly as <c>sql/...</c>, so every host (etl, dashboards, tests) finds them at
/// <c>AppContext.BaseDirectory/sql</c>; <c>MONITORING_SQL_DIR</c> overrides it for development.
/// </summary>
public static class SqlModels
{
    public static string Root
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("MONITORING_SQL_DIR");
            if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden);
            return Path.Combine(AppContext.BaseDirectory, "sql");
        }
    }

    /// <summary>Absolute path of a model, e.g. <c>PathOf("marts/dim_ats.sql")</c>; refuses paths leaving the sql folder.</summary>
    public static string PathOf(string relativePath)
    {
        var root = Path.GetFullPath(Root);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"SQL model path '{relativePath}' leaves the sql folder.", nameof(relativePath));
        return full;
    }

    /// <summary>The text of a model, without trailing semicolons so it can be wrapped in another statement.</summary>
    public static string Load(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"SQL model '{relativePath}' not found under {Root}.", path);
        return File.ReadAllText(path).TrimEnd().TrimEnd(';').TrimEnd();
    }
}
