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
        var bytes = File.ReadAllBytes(path);
        try
        {
            RefuseDuplicateNames(bytes);
            m = JsonSerializer.Deserialize<Manifest>(bytes);
        }
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
        foreach (var name in m.Files.Keys)
            if (!IsPlainFileName(name))
                throw new ExportRefusedException($"manifest.json: files: '{name}' is not a plain file name of the export (no folder, no '..', no absolute path)");
        return m;
    }

    /// <summary>A name inside the export folder itself: no separator, no '..', not rooted, no control characters.</summary>
    public static bool IsPlainFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && !Path.IsPathRooted(name)
        && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && !name.Any(char.IsControl);

    /// <summary>
    /// JSON lets a name repeat in an object and the deserializer keeps the last: a manifest listing a file
    /// twice (two counts, two hashes) is refused instead, naming the key and its line.
    /// </summary>
    static void RefuseDuplicateNames(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var seen = new Stack<(HashSet<string> Names, string Path)>();
        string? pendingName = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    seen.Push((new HashSet<string>(StringComparer.Ordinal), pendingName ?? (seen.Count == 0 ? "" : seen.Peek().Path)));
                    pendingName = null;
                    break;
                case JsonTokenType.EndObject:
                    seen.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    var (names, at) = seen.Peek();
                    if (!names.Add(name))
                    {
                        var line = 1 + json.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                        throw new ExportRefusedException($"manifest.json: line {line}: {(at.Length > 0 ? at + ": " : "")}'{name}' is listed twice");
                    }
                    pendingName = name;
                    break;
                default:
                    pendingName = null;
                    break;
            }
        }
    }
}

public sealed class ManifestFile
{
    [JsonPropertyName("rows")] public long Rows { get; set; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; set; }
}
