using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Monitoring.Etl.Lake;

/// <summary>
/// Before a lake table is read, each of its files is checked against its manifest: present, of the size written, a
/// Parquet file whole at both ends (the "PAR1" magic, a footer that fits inside the file), and — for a delta file,
/// small by construction — the SHA-256 recorded when it was written. A truncated or altered file is then refused
/// with its name instead of surfacing as an engine error deep inside a delta's validation. A base file (a full
/// export's, hundreds of MB) is not hashed on every read: its size and both ends are checked, and compaction, which
/// reads every row, stops on any damage the engine finds.
/// </summary>
public static class LakeFileCheck
{
    static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public static void Verify(string tableDir, LakeFile file)
    {
        var path = System.IO.Path.Combine(tableDir, file.Path);
        if (!File.Exists(path)) throw new LakeDamagedException(path, "is missing (listed in its table's manifest.json)");
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.None);
        if (s.Length != file.Bytes)
            throw new LakeDamagedException(path, $"has {s.Length:N0} bytes where {file.Bytes:N0} were written: truncated or altered");
        Span<byte> head = stackalloc byte[4], tail = stackalloc byte[8];
        if (s.Length < 12) throw new LakeDamagedException(path, "is too short to be a Parquet file");
        s.ReadExactly(head);
        s.Seek(-8, SeekOrigin.End);
        s.ReadExactly(tail);
        var footer = BinaryPrimitives.ReadInt32LittleEndian(tail[..4]);
        if (!head.SequenceEqual(Magic) || !tail[4..].SequenceEqual(Magic) || footer <= 0 || footer > s.Length - 12)
            throw new LakeDamagedException(path, "is not a complete Parquet file (its first or last bytes are not Parquet's)");
        if (file.Sha256 is { } expected)
        {
            s.Seek(0, SeekOrigin.Begin);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(s)), expected, StringComparison.Ordinal))
                throw new LakeDamagedException(path, "does not hold the bytes written (SHA-256 differs from its manifest's)");
        }
    }

    /// <summary>The SHA-256 a delta file's manifest entry records.</summary>
    public static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
