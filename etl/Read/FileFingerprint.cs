using System.Security.Cryptography;

namespace Monitoring.Etl.Read;

/// <summary>
/// One pass over a file's bytes: its SHA-256 (checked against the manifest) and its count of line
/// feeds, which tells whether any quoted field spans lines (then quarantine line numbers need the
/// embedded breaks counted; otherwise record n starts on line n + 1), and of CR LF pairs, which tells
/// a file mixing both line ends (DuckDB's reader refuses those whole).
/// </summary>
public sealed record FileFingerprint(string Sha256, long LineFeeds, bool EndsWithLineFeed, long Bytes, long CrLf = 0)
{
    public static FileFingerprint Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long lineFeeds = 0, bytes = 0, crlf = 0;
        byte last = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            hash.AppendData(span);
            lineFeeds += span.Count((byte)'\n');
            crlf += span.Count("\r\n"u8);
            if (last == (byte)'\r' && span[0] == (byte)'\n') crlf++; // a pair split across two reads
            last = span[^1];
            bytes += n;
        }
        return new FileFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), lineFeeds, last == (byte)'\n', bytes, crlf);
    }
}

public static class FileFingerprintExtensions
{
    /// <summary>More line feeds than header + records means some quoted field spans lines.</summary>
    public static bool HasEmbeddedLineBreaks(this FileFingerprint f, long records) =>
        f.LineFeeds > records + (f.EndsWithLineFeed ? 1 : 0);

    /// <summary>Some lines end in CR LF and others in LF alone (the contract allows either, in any mix).</summary>
    public static bool MixesLineEnds(this FileFingerprint f) => f.CrLf > 0 && f.CrLf < f.LineFeeds;
}
