using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Etl.OpenData;

namespace Monitoring.Etl.Research;

/// <summary>
/// The codebook (every column of every file), the Frictionless datapackage.json (the same descriptions; Parquet
/// files are plain data resources, as v1 allows only CSV as tabular data) and the release note (what was done to
/// the data, the risk measured before and after, and the rules of use).
/// </summary>
public static class ExtractDocs
{
    public static void WriteCodebook(string path, ExtractReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Codebook — research extract `{report.Project}` (snapshot {report.RunId})");
        md.AppendLine();
        md.AppendLine($"Reference date {report.ReferenceDate}. Every `*_pid` is a pseudonym specific to this project: it matches nothing in the warehouse or in any other project's extract. `datapackage.json` describes the same files for programs.");
        md.AppendLine();
        foreach (var t in ExtractTables.All)
        {
            md.AppendLine($"## `{t.Name}.parquet` — {t.Grain} ({report.Rows.GetValueOrDefault(t.Name):N0} rows)");
            md.AppendLine();
            md.AppendLine($"Key: {string.Join(", ", t.PrimaryKey.Select(k => $"`{k}`"))}.");
            md.AppendLine();
            md.AppendLine("| column | type | description |");
            md.AppendLine("|---|---|---|");
            foreach (var f in t.Fields) md.AppendLine($"| `{f.Name}` | {f.DuckType} | {f.DescriptionEn.Replace("|", "\\|")} |");
            md.AppendLine();
        }
        md.AppendLine("Key variables (combined across the files): households " + string.Join("; ", KeyVariables.Household.Select(q => $"`{q}`"))
            + "; persons add their own `age_band`, `sex`, `citizenship`. No file holds an exact date.");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }

    public static void WriteDataPackage(string path, ExtractReport report)
    {
        var resources = new JsonArray();
        foreach (var t in ExtractTables.All)
            resources.Add(new JsonObject
            {
                ["profile"] = "data-resource",
                ["name"] = t.Name,
                ["path"] = t.Name + ".parquet",
                ["title"] = t.Grain,
                ["description"] = $"{t.Grain}; {report.Rows.GetValueOrDefault(t.Name)} rows. Parquet; see codebook.md.",
                ["format"] = "parquet",
                ["mediatype"] = "application/vnd.apache.parquet",
                ["bytes"] = new FileInfo(Path.Combine(Path.GetDirectoryName(path)!, t.Name + ".parquet")).Length,
                ["schema"] = new JsonObject
                {
                    ["fields"] = new JsonArray(t.Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["description"] = f.DescriptionEn }).ToArray()),
                    ["primaryKey"] = new JsonArray(t.PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
                },
            });
        var package = new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = ("adi-research-" + report.Project + "-r" + report.RunId).ToLowerInvariant(),
            ["title"] = $"ADI monitoring — research extract for project {report.Project}",
            ["description"] = $"Pseudonymized, k-anonymous (k = {report.K}) microdata of the snapshot {report.RunId} (reference date {report.ReferenceDate}). Restricted use: see release-note.md.",
            ["version"] = report.RunId,
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "other-closed", ["title"] = "Restricted: research use under agreement with the Ministry; no redistribution" }),
            ["resources"] = resources,
        };
        File.WriteAllText(path, package.ToJsonString(DataPackageWriter.Indented));
    }

    public static void WriteReleaseNote(string path, ExtractReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine($"# Release note — research extract `{report.Project}`");
        md.AppendLine();
        md.AppendLine($"Snapshot {report.RunId}, reference date {report.ReferenceDate}. Files: " + string.Join(", ", ExtractTables.All.Select(t => $"`{t.Name}.parquet` ({report.Rows.GetValueOrDefault(t.Name):N0} rows)")) + ", `codebook.md`, `datapackage.json`, `extract-report.json`.");
        md.AppendLine();
        md.AppendLine("## Pseudonyms");
        md.AppendLine();
        md.AppendLine("Keys are re-pseudonymized with a key derived for this project only (HKDF-SHA256 of the pipeline key, info `monitoring/research/<project>`; pid = HMAC-SHA256(project key, `<domain>|<warehouse key>`), first 16 bytes in hex). They cannot be linked to the warehouse or to another project's extract without the pipeline key, which never leaves the ministry. Names, fiscal codes, addresses and notes are not in the extract. The same household has the same `household_pid` in households, persons, cases and payments; a case the same `case_pid` in cases, events and referrals.");
        md.AppendLine();
        md.AppendLine($"## Anonymity against linkage (k = {report.K})");
        md.AppendLine();
        md.AppendLine("Key variables — everything an outsider could know about a household or link to it by joining these files — taken together across the files, not file by file:");
        foreach (var q in KeyVariables.Household) md.AppendLine($"- {q}");
        md.AppendLine("- for a person, also their own age band, sex and citizenship");
        md.AppendLine();
        md.AppendLine($"Threshold: {report.Threshold}. Risk is measured as sdcMicro does for a file that holds the whole population (weights 1, so F_k = f_k): sample uniques, records in classes below k, individual risk r_i = 1/f_k, global risk = expected re-identifications Σ r_i.");
        md.AppendLine();
        md.AppendLine("| rung | households unique | households in classes < k | persons in classes < k | households suppressed | chosen |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var t in report.Ladder)
            md.AppendLine($"| {t.Rung} | {t.Households.Uniques:N0} of {t.Households.Records:N0} | {t.Households.BelowK:N0} | {t.Persons.BelowK:N0} of {t.Persons.Records:N0} | {t.HouseholdsSuppressed:N0} ({t.SuppressedShare.ToString("P1", inv)}) | {(t.Chosen ? "yes" : "")} |");
        md.AppendLine();
        md.AppendLine($"Generalization (rung {report.GeneralizationRung}):");
        foreach (var g in report.Generalized) md.AppendLine($"- {g}");
        md.AppendLine();
        md.AppendLine("| file | when | records | classes | sample uniques | records in classes < k | smallest class | max individual risk | mean individual risk | expected re-identifications |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (when, risks) in new[] { ("before (rung 0, nothing suppressed)", report.RiskBefore), ("released", report.RiskAfter) })
            foreach (var r in risks)
                md.AppendLine($"| {r.Table} | {when} | {r.Records:N0} | {r.Classes:N0} | {r.Uniques:N0} | {r.BelowK:N0} | {r.SmallestClass:N0} | {r.MaxIndividualRisk.ToString("0.###", inv)} | {r.MeanIndividualRisk.ToString("0.###", inv)} | {r.ExpectedReidentifications.ToString("N0", inv)} ({r.ExpectedReidentificationShare.ToString("P1", inv)}) |");
        md.AppendLine();
        md.AppendLine("A suppressed household is left out with everything linked to it (its persons, cases, events, referrals and payments), so no file keeps a trace of it. `budget.parquet` holds ATS aggregates and no household.");
        md.AppendLine();
        md.AppendLine("## Rules of use");
        md.AppendLine();
        md.AppendLine("Do not try to re-identify anyone, do not link this extract to other data about the same people, publish only aggregates that respect the disclosure rules of the open data (counts below 10 not shown), and delete the extract at the end of the project.");
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }
}
