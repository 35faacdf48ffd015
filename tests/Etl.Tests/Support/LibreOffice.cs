using System.Diagnostics;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// Opens a spreadsheet in LibreOffice Calc, headless (Debian's libreoffice-calc; .ci/run installs it), and saves its
/// first sheet back as CSV: comma, UTF-8, every TEXT cell quoted and numbers written bare and unrounded — so the
/// CSV shows how Calc typed each cell. Each call has its own user profile, so calls may run side by side.
/// </summary>
public static class LibreOffice
{
    const string Soffice = "/usr/bin/soffice";

    // Filter options: separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), from line 1, no column formats,
    // language 0, quote all text cells = true, (import only), save cell contents as shown = false (full precision).
    const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false";

    public static string ConvertToCsv(string spreadsheet, string outDir)
    {
        Assert.True(File.Exists(Soffice), $"{Soffice} is missing: install Debian's libreoffice-calc (`apt-get install -y libreoffice-calc`; .ci/run does)");
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(outDir, ".lo-profile-" + Guid.NewGuid().ToString("N")[..8]);
        var psi = new ProcessStartInfo(Soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", CsvFilter, "--outdir", outDir, spreadsheet })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(180_000)) { p.Kill(true); throw new TimeoutException("soffice took more than 3 minutes"); }
        var csv = Path.Combine(outDir, Path.GetFileNameWithoutExtension(spreadsheet) + ".csv");
        Assert.True(p.ExitCode == 0 && File.Exists(csv), $"soffice exit {p.ExitCode}: {stdout} {stderr.Result}");
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        return csv;
    }

    /// <summary>Splits one line of the converted CSV into (text, wasQuoted) cells (RFC 4180; no line breaks in our cells).</summary>
    public static List<(string Text, bool Quoted)> Cells(string line)
    {
        var cells = new List<(string, bool)>();
        var i = 0;
        while (i <= line.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; }
                    else if (line[i] == '"') { i++; break; }
                    else sb.Append(line[i++]);
                }
                cells.Add((sb.ToString(), true));
                i++; // the comma
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                cells.Add((line[i..end], false));
                i = end + 1;
            }
        }
        return cells;
    }
}
