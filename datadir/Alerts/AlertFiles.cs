using System.Text.Json;

namespace Monitoring.DataDir.Alerts;

/// <summary>
/// Reads and writes one user's JSON file in an alert folder. Writes go to a temporary file renamed over the old one,
/// so a reader (the dashboards, the digest job) sees the old or the new file, never half of one. Files are readable
/// by their owner only on Unix: a subscription holds an e-mail address.
/// </summary>
internal static class AlertFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly object Gate = new();

    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json); }
        catch (JsonException) { return null; } // a damaged file counts as absent; the next write replaces it
    }

    public static void Write<T>(string path, T value)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var tmp = path + ".tmp";
            File.WriteAllText(tmp, JsonSerializer.Serialize(value, Json));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(tmp, path, overwrite: true);
        }
    }

    public static void Delete(string path)
    {
        lock (Gate) { if (File.Exists(path)) File.Delete(path); }
    }

    public static IEnumerable<T> ReadAll<T>(string folder) where T : class =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Read<T>).OfType<T>();
}
