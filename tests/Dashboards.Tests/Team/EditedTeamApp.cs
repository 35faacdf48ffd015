using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Tools.Generate;
using Monitoring.Tests.Dashboards.Maps;

namespace Monitoring.Tests.Dashboards.Team;

/// <summary>
/// The tiny preset with two edits a coordinator must see, made in the export before the pipeline reads it, so the
/// test knows the answer without asking the warehouse: the case manager removed from the <see cref="Unassigned"/>
/// open cases of the coordinator's ATS, and one case manager who still holds open cases made to leave before the
/// month shown (<see cref="Leaver"/>).
/// </summary>
public sealed class EditedTeamApp() : PresetApp(GeneratorPreset.Tiny, "team")
{
    /// <summary>The coordinator's ATS: the demo coordinator's, the first ATS of Campania.</summary>
    public const string Ats = "ATS-15-001";
    /// <summary>The leaver's last day: before the first day of the month the page shows (the reference date's, 2026-10).</summary>
    public const string LeftOn = "2026-08-31";
    public const int UnassignedByTheTest = 3;

    public List<string> Unassigned { get; } = [];
    public string Leaver { get; private set; } = "";
    public string ReferenceDate { get; private set; } = "";

    protected override void Edit(string exportDir)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(exportDir, "manifest.json")))!;
        ReferenceDate = (string)manifest["reference_date"]!;
        var cases = ExportCsv.Read(Path.Combine(exportDir, "cases.csv"));
        var operators = ExportCsv.Read(Path.Combine(exportDir, "operators.csv"));
        bool Open(int r) => string.CompareOrdinal(cases.Get(r, "opened_date"), ReferenceDate) <= 0
            && (cases.Get(r, "closed_date") is var closed && (closed == "" || string.CompareOrdinal(closed, ReferenceDate) > 0));
        var open = Enumerable.Range(0, cases.Records.Count).Where(r => cases.Get(r, "ats_code") == Ats && Open(r)).ToList();

        // Three open cases lose their case manager (the first three by case id that have one).
        foreach (var r in open.Where(r => cases.Get(r, "case_manager_id") != "").OrderBy(r => cases.Get(r, "case_id")).Take(UnassignedByTheTest))
        {
            Unassigned.Add(cases.Get(r, "case_id"));
            cases.Set(r, "case_manager_id", "");
        }
        // The still-active case manager holding the most open cases (ties: the larger id) leaves on LeftOn.
        var holding = open.Select(r => cases.Get(r, "case_manager_id")).Where(id => id != "").GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var candidates = Enumerable.Range(0, operators.Records.Count).Where(r => operators.Get(r, "ats_code") == Ats
            && operators.Get(r, "role") == "case_manager" && operators.Get(r, "active_to") == ""
            && string.CompareOrdinal(operators.Get(r, "active_from"), LeftOn) < 0 && holding.ContainsKey(operators.Get(r, "operator_id")));
        var leaver = candidates.OrderByDescending(r => holding[operators.Get(r, "operator_id")]).ThenByDescending(r => operators.Get(r, "operator_id")).First();
        Leaver = operators.Get(leaver, "operator_id");
        operators.Set(leaver, "active_to", LeftOn);

        foreach (var (file, csv) in new[] { ("cases.csv", cases), ("operators.csv", operators) })
        {
            var path = Path.Combine(exportDir, file);
            csv.Write(path);
            // The manifest counts records (a note's line breaks are not rows) and hashes the bytes.
            manifest["files"]![file]!["rows"] = csv.Records.Count;
            manifest["files"]![file]!["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        File.WriteAllText(Path.Combine(exportDir, "manifest.json"), manifest.ToJsonString(), new UTF8Encoding(false));
    }
}
