using System.Text.Json;

namespace Monitoring.Tools.Generate;

/// <summary>manifest.json as the contract shows it; extracted_at is the night after the reference date (02:00Z).</summary>
internal static class ManifestWriter
{
    public static void Write(string dir, DateOnly referenceDate, IReadOnlyList<ManifestFileEntry> files)
    {
        var extracted = referenceDate.AddDays(1).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        using var stream = File.Create(Path.Combine(dir, "manifest.json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("contract_version", "1");
        json.WriteString("export_id", $"gepi-{extracted:yyyy-MM-dd'T'HH-mm}");
        json.WriteString("extracted_at", $"{extracted:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        json.WriteString("reference_date", $"{referenceDate:yyyy-MM-dd}");
        json.WriteString("kind", "full");
        json.WriteStartObject("files");
        foreach (var f in files)
        {
            json.WriteStartObject(f.FileName);
            json.WriteNumber("rows", f.Rows);
            json.WriteString("sha256", f.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
