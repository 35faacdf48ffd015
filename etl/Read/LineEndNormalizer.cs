namespace Monitoring.Etl.Read;

/// <summary>
/// DuckDB's CSV reader takes LF or CR LF line ends but stops at the first change of one to the other
/// ("the CSV Parser state machine reached an invalid state", no line number), while the contract allows
/// either in any mix. A file that mixes them is copied with every CR LF turned into LF — line feeds, and
/// so line numbers, unchanged — into the run's landing folder (deleted with the run), and read from there.
/// </summary>
public static class LineEndNormalizer
{
    /// <summary>Writes <paramref name="source"/> to <paramref name="target"/> with CR LF as LF; a lone CR is kept.</summary>
    public static void Normalize(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var result = new byte[(1 << 20) + 1];
        var pendingCr = false;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            var w = 0;
            for (var i = 0; i < n; i++)
            {
                var b = buffer[i];
                if (pendingCr && b != (byte)'\n') result[w++] = (byte)'\r'; // a lone CR stays
                pendingCr = b == (byte)'\r';
                if (!pendingCr) result[w++] = b;
            }
            output.Write(result, 0, w);
        }
        if (pendingCr) output.WriteByte((byte)'\r');
    }
}
