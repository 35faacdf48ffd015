using System.Text.RegularExpressions;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// Looks for personal data in clear under a DATA_DIR: every Parquet file and every table of every
/// .duckdb file (read with DuckDB), every other file as text (quarantine CSVs, JSON reports, CURRENT,
/// lock notes). It flags any fiscal code (official pattern), any e-mail address, any fiscal code,
/// name, address or note taken from the export's own CSVs. Labels of public bodies and places
/// (columns *_name, name_*, description_*) are skipped by the name check only: a surname may also be a town.
/// </summary>
public sealed partial class PersonalDataScan
{
    [GeneratedRegex("[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")]
    private static partial Regex FiscalCodePattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Alnum();

    const int Shingle = 8;

    readonly HashSet<string> _names = new(StringComparer.Ordinal);
    readonly HashSet<string> _fiscalCodes = new(StringComparer.Ordinal);
    readonly List<string> _texts = []; // addresses, notes, e-mails: found as substrings
    readonly Dictionary<string, List<string>> _textsByPrefix = new(StringComparer.Ordinal); // first 8 characters → texts
    public List<string> Findings { get; } = [];
    public int CellsScanned { get; private set; }
    public int FilesScanned { get; private set; }

    public int NameCount => _names.Count;
    public int TextCount => _texts.Count;
    public int FiscalCodeCount => _fiscalCodes.Count;

    /// <summary>Collects the personal values of an export folder's CSV files.</summary>
    public static PersonalDataScan FromExport(string exportDir)
    {
        var scan = new PersonalDataScan();
        using var db = Duck.Memory();
        // Lenient on purpose: a malformed record must not hide the personal data of the others.
        string Csv(string f) => $"read_csv({Duck.Lit(Path.Combine(exportDir, f))}, delim=';', quote='\"', escape='\"', header=true, all_varchar=true, " +
                                "auto_detect=false, columns=" + Columns(exportDir, f) + ", null_padding=true, ignore_errors=true, strict_mode=false)";
        foreach (var v in db.Column($"SELECT first_name FROM {Csv("operators.csv")} UNION SELECT last_name FROM {Csv("operators.csv")} UNION SELECT first_name FROM {Csv("persons.csv")} UNION SELECT last_name FROM {Csv("persons.csv")}"))
            foreach (Match w in Word().Matches(v)) if (w.Length >= 3) scan._names.Add(w.Value);
        foreach (var v in db.Column($"SELECT fiscal_code FROM {Csv("operators.csv")} UNION SELECT fiscal_code FROM {Csv("persons.csv")} UNION SELECT applicant_fiscal_code FROM {Csv("households.csv")}"))
            if (v.Length > 0) scan._fiscalCodes.Add(v);
        foreach (var v in db.Column($"SELECT address FROM {Csv("households.csv")} UNION SELECT notes FROM {Csv("cases.csv")} UNION SELECT notes FROM {Csv("case_events.csv")} UNION SELECT email FROM {Csv("operators.csv")}"))
            if (v.Length >= Shingle)
            {
                scan._texts.Add(v);
                var prefix = v[..Shingle];
                if (!scan._textsByPrefix.TryGetValue(prefix, out var list)) scan._textsByPrefix[prefix] = list = [];
                list.Add(v);
            }
        return scan;
    }

    /// <summary>The header of an export file as a DuckDB columns struct, every column text.</summary>
    static string Columns(string exportDir, string file)
    {
        using var reader = new StreamReader(Path.Combine(exportDir, file), detectEncodingFromByteOrderMarks: true);
        var names = (reader.ReadLine() ?? "").Split(';');
        return "{" + string.Join(", ", names.Select(n => $"{Duck.Lit(n)}: 'VARCHAR'")) + "}";
    }

    /// <summary>Scans everything under <paramref name="dataDir"/>; returns the findings (empty = clean).</summary>
    public List<string> Scan(string dataDir)
    {
        foreach (var file in Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories))
        {
            FilesScanned++;
            var rel = Path.GetRelativePath(dataDir, file);
            if (file.EndsWith(".parquet", StringComparison.Ordinal)) ScanParquet(file, rel);
            else if (file.EndsWith(".duckdb", StringComparison.Ordinal)) ScanDuckDb(file, rel);
            else if (file.EndsWith(".duckdb.wal", StringComparison.Ordinal)) continue; // binary; its tables are read through the .duckdb
            else Check(File.ReadAllText(file), rel, checkNames: true);
        }
        return Findings;
    }

    void ScanParquet(string file, string rel)
    {
        using var db = Duck.Memory();
        ScanQuery(db, $"SELECT * FROM read_parquet({Duck.Lit(file)})", rel);
    }

    void ScanDuckDb(string file, string rel)
    {
        using var db = Duck.Memory();
        db.Exec($"ATTACH {Duck.Lit(file)} AS x (READ_ONLY)");
        foreach (var table in db.Column("SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = 'x'"))
            ScanQuery(db, $"SELECT * FROM x.{table}", $"{rel}:{table}");
    }

    void ScanQuery(Duck db, string sql, string where)
    {
        var (names, rows) = db.RowsWithNames(sql);
        var labels = names.Select(n => n.EndsWith("_name") || n.StartsWith("name_") || n.StartsWith("description_")).ToArray();
        foreach (var row in rows)
            for (var i = 0; i < row.Length; i++)
                if (row[i] is { Length: > 0 } cell) Check(cell, $"{where}.{names[i]}", checkNames: !labels[i]);
    }

    // Every 8-character window of the text looked up among the texts' openings, then the whole text compared.
    bool ContainsText(string text)
    {
        var lookup = _textsByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i + Shingle <= text.Length; i++)
            if (lookup.TryGetValue(text.AsSpan(i, Shingle), out var candidates))
                foreach (var c in candidates)
                    if (i + c.Length <= text.Length && text.AsSpan(i, c.Length).SequenceEqual(c)) return true;
        return false;
    }

    void Check(string text, string where, bool checkNames)
    {
        CellsScanned++;
        if (FiscalCodePattern().Match(text) is { Success: true } cf) Findings.Add($"{where}: fiscal code pattern '{cf.Value}'");
        if (EmailPattern().Match(text) is { Success: true } mail) Findings.Add($"{where}: e-mail '{mail.Value}'");
        if (ContainsText(text)) Findings.Add($"{where}: address/note/e-mail text of the export");
        foreach (Match t in Alnum().Matches(text))
            if (_fiscalCodes.Contains(t.Value)) { Findings.Add($"{where}: a fiscal code of the export"); break; }
        if (!checkNames) return;
        foreach (Match w in Word().Matches(text))
            if (_names.Contains(w.Value)) { Findings.Add($"{where}: name '{w.Value}'"); break; }
    }
}
