using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Etl.Lake;

/// <summary>
/// lake/&lt;table&gt;/manifest.json: the table's Parquet files in the order they were written, each with the run that
/// wrote it. A full export (or a compaction) writes a base; each delta that carries the table adds one file with its
/// own rows and links every earlier file unchanged. Readers apply last-writer-wins on the table's key over the files
/// in this order (<see cref="LakeTable.ReadSql"/>), so no file is ever rewritten to change a row.
/// A file is written once and never changed: a manifest is written whole into a snapshot being built, never edited
/// in a published one (where it may be a hard link shared with earlier snapshots).
/// </summary>
public sealed record LakeManifest(
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("key")] IReadOnlyList<string> Key,
    [property: JsonPropertyName("files")] IReadOnlyList<LakeFile> Files)
{
    public const string FileName = "manifest.json";

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The runs that wrote the table, oldest first: a row of a later run replaces the same key of an earlier one.</summary>
    public IReadOnlyList<IReadOnlyList<LakeFile>> Parts() =>
        Files.GroupBy(f => f.RunId).Select(g => (IReadOnlyList<LakeFile>)g.ToList()).ToList();

    /// <summary>How many delta files a reader has to merge (what compaction looks at).</summary>
    [JsonIgnore]
    public int DeltaFiles => Files.Count(f => f.Kind == LakeFile.Delta);

    public LakeManifest With(LakeFile file) => this with { Files = [.. Files, file] };

    /// <summary>
    /// The manifest of a table folder. A snapshot written before manifests existed has none: its Parquet files are
    /// one base, as they were read then (run id "unknown").
    /// </summary>
    public static LakeManifest Load(LakeTable table, string tableDir)
    {
        var path = Path.Combine(tableDir, FileName);
        if (!File.Exists(path))
        {
            var files = Directory.Exists(tableDir)
                ? Directory.GetFiles(tableDir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Select(f => new LakeFile(Path.GetRelativePath(tableDir, f).Replace('\\', '/'), "unknown", LakeFile.Base, new FileInfo(f).Length))
                    .ToList()
                : [];
            return new LakeManifest(table.Stem, table.Key, files);
        }
        try
        {
            return JsonSerializer.Deserialize<LakeManifest>(File.ReadAllText(path), Json)
                   ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new LakeDamagedException(path, $"is not a readable lake manifest ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Writes the manifest into a table folder of a snapshot being built (temp file, then rename).</summary>
    public void Save(string tableDir)
    {
        Directory.CreateDirectory(tableDir);
        var path = Path.Combine(tableDir, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>The manifest of files just written by one run (a full export's base, a compaction's), listed from the folder.</summary>
    public static LakeManifest OfBase(LakeTable table, string tableDir, string runId) =>
        new(table.Stem, table.Key, Directory.GetFiles(tableDir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new LakeFile(Path.GetRelativePath(tableDir, f).Replace('\\', '/'), runId, LakeFile.Base, new FileInfo(f).Length))
            .ToList());
}

/// <summary>One Parquet file of a lake table: its path inside the table folder, the run that wrote it, base or delta, its size, and (a delta file) its SHA-256.</summary>
public sealed record LakeFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string? Sha256 = null)
{
    public const string Base = "base", Delta = "delta";
}
