using System.Text;

namespace Monitoring.Etl.Research;

/// <summary>The codebook (every column of every file) and the release note (what was done to the data, and the rules of use).</summary>
public static class ExtractDocs
{
    public static void WriteCodebook(string path, ExtractReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Codebook — research extract `{report.Project}` (snapshot {report.RunId})");
        md.AppendLine();
        md.AppendLine($"Reference date {report.ReferenceDate}. Every `*_pid` is a pseudonym specific to this project: it matches nothing in the warehouse or in any other project's extract.");
        md.AppendLine();
        foreach (var t in ExtractTables.All)
        {
            md.AppendLine($"## `{t.Name}.parquet` — {t.Grain} ({report.Rows.GetValueOrDefault(t.Name):N0} rows)");
            md.AppendLine();
            md.AppendLine("| column | type | description |");
            md.AppendLine("|---|---|---|");
            foreach (var f in t.Fields) md.AppendLine($"| `{f.Name}` | {f.DuckType} | {f.DescriptionEn.Replace("|", "\\|")} |");
            md.AppendLine();
        }
        md.AppendLine("Quasi-identifiers: households " + string.Join(", ", QuasiIdentifiers.Household.Select(q => $"`{q}`"))
            + "; persons " + string.Join(", ", QuasiIdentifiers.Person.Select(q => $"`{q}`")) + " (a person's household's values joined in).");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }

    public static void WriteReleaseNote(string path, ExtractReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Release note — research extract `{report.Project}`");
        md.AppendLine();
        md.AppendLine($"Snapshot {report.RunId}, reference date {report.ReferenceDate}. Files: " + string.Join(", ", ExtractTables.All.Select(t => $"`{t.Name}.parquet` ({report.Rows.GetValueOrDefault(t.Name):N0} rows)")) + ", `codebook.md`, `extract-report.json`.");
        md.AppendLine();
        md.AppendLine("## Pseudonyms");
        md.AppendLine();
        md.AppendLine("Keys are re-pseudonymized with a key derived for this project only (HKDF-SHA256 of the pipeline key, info `monitoring/research/<project>`; pid = HMAC-SHA256(project key, `<domain>|<warehouse key>`), first 16 bytes in hex). They cannot be linked to the warehouse or to another project's extract without the pipeline key, which never leaves the ministry. Names, fiscal codes, addresses and notes are not in the extract.");
        md.AppendLine();
        md.AppendLine($"## k-anonymity (k = {report.K})");
        md.AppendLine();
        md.AppendLine($"Generalization (rung {report.GeneralizationRung} of the ladder):");
        foreach (var g in report.Generalized) md.AppendLine($"- {g}");
        md.AppendLine();
        md.AppendLine("| table | quasi-identifiers | records | suppressed | classes | achieved k |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var a in report.Anonymity)
            md.AppendLine($"| {a.Table} | {string.Join(", ", a.QuasiIdentifiers)} | {a.Records:N0} | {a.Suppressed:N0} ({a.SuppressedShare:P1}) | {a.Classes:N0} | {a.AchievedK} |");
        md.AppendLine();
        md.AppendLine("Suppressed records are left out of their table (a person's row may remain while their household's row is suppressed, and the other way round). Cases and events carry no quasi-identifier beyond the ATS and process dates; dates are kept to the day because the research questions are about delays.");
        md.AppendLine();
        md.AppendLine("## Rules of use");
        md.AppendLine();
        md.AppendLine("Do not try to re-identify anyone, do not link this extract to other data about the same people, publish only aggregates that respect the disclosure rules of the open data (counts below 10 not shown), and delete the extract at the end of the project.");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }
}
