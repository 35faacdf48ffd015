using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Etl.Read;

/// <summary>manifest.json of an export (contract section "An export").</summary>
public sealed class Manifest
{
    [JsonPropertyName("contract_version")] public string? ContractVersion { get; set; }
    [JsonPropertyName("export_id")] public string? ExportId { get; set; }
    [JsonPropertyName("extracted_at")] public DateTimeOffset? ExtractedAt { get; set; }
    [JsonPropertyName("reference_date")] public string? ReferenceDateText { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("files")] public Dictionary<string, ManifestFile> Files { get; set; } = new();

    [JsonIgnore] public DateOnly ReferenceDate { get; private set; }
    [JsonIgnore] public bool IsDelta => Kind == "delta";

    public static Manifest Load(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        if (!File.Exists(path)) throw new ExportRefusedException("manifest.json: missing from the export");
        Manifest? m;
        try { m = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path)); }
        catch (JsonException e)
        {
            throw new ExportRefusedException($"manifest.json: line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({e.Path})");
        }
        if (m is null) throw new ExportRefusedException("manifest.json: empty");
        if (m.ContractVersion != "1")
            throw new ExportRefusedException($"manifest.json: contract_version '{m.ContractVersion}' is not supported (expected \"1\")");
        if (string.IsNullOrWhiteSpace(m.ExportId)) throw new ExportRefusedException("manifest.json: export_id is missing");
        if (m.Kind is not ("full" or "delta")) throw new ExportRefusedException($"manifest.json: kind '{m.Kind}' must be \"full\" or \"delta\"");
        if (!DateOnly.TryParseExact(m.ReferenceDateText, "yyyy-MM-dd", out var rd))
            throw new ExportRefusedException($"manifest.json: reference_date '{m.ReferenceDateText}' is not a YYYY-MM-DD date");
        m.ReferenceDate = rd;
        return m;
    }
}

public sealed class ManifestFile
{
    [JsonPropertyName("rows")] public long Rows { get; set; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; set; }
}
