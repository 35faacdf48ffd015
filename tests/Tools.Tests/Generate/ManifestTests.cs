using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Generate;

public class ManifestTests(TinyExportFixture export) : IClassFixture<TinyExportFixture>
{
    [Fact]
    public void ManifestHasTheContractFieldsAndTheTenFiles()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.Summary.ExportDirectory, "manifest.json")));
        var root = doc.RootElement;
        Assert.Equal("1", root.GetProperty("contract_version").GetString());
        Assert.Equal("full", root.GetProperty("kind").GetString());
        Assert.Equal("2026-10-31", root.GetProperty("reference_date").GetString());
        Assert.Equal("2026-11-01T02:00:00Z", root.GetProperty("extracted_at").GetString());
        Assert.Equal("gepi-2026-11-01T02-00", root.GetProperty("export_id").GetString());
        var names = root.GetProperty("files").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(ExportGenerator.ContractFiles.Order().ToList(), names);
    }

    [Fact]
    public void ManifestRowsAndHashesMatchTheFiles()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.Summary.ExportDirectory, "manifest.json")));
        foreach (var file in doc.RootElement.GetProperty("files").EnumerateObject())
        {
            var path = Path.Combine(export.Summary.ExportDirectory, file.Name);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Value.GetProperty("sha256").GetString());
            // Rows counted by DuckDB's CSV reader: quoted line breaks inside notes must not add rows.
            var rows = export.Count($"select count(*) from {Path.GetFileNameWithoutExtension(file.Name)}");
            Assert.Equal(rows, file.Value.GetProperty("rows").GetInt64());
            Assert.True(rows > 0, $"{file.Name} is empty");
        }
    }

    [Fact]
    public void FilesAreUtf8WithoutBomWithLfLineEndsAndTheContractHeaders()
    {
        var expected = new Dictionary<string, string>
        {
            ["ambiti.csv"] = "ats_code;ats_name;region_code",
            ["ambito_comuni.csv"] = "ats_code;municipality_code;valid_from;valid_to",
            ["operators.csv"] = "operator_id;fiscal_code;first_name;last_name;email;role;ats_code;active_from;active_to;weekly_hours",
            ["households.csv"] = "household_id;applicant_fiscal_code;municipality_code;address;members;minors;members_over_60;members_disabled;isee_eur;measure;application_date;benefit_start_date;benefit_end_date;pathway;status",
            ["persons.csv"] = "person_id;household_id;fiscal_code;first_name;last_name;birth_date;sex;citizenship;relationship;labour_activable",
            ["cases.csv"] = "case_id;household_id;ats_code;case_manager_id;opened_date;closed_date;closure_reason;notes",
            ["case_events.csv"] = "event_id;case_id;event_type;event_date;operator_id;outcome;notes",
            ["referrals.csv"] = "referral_id;case_id;service_type;sent_date;outcome;outcome_date",
            ["payments.csv"] = "household_id;period;amount_eur;paid_date",
            ["budget.csv"] = "ats_code;year;fund;allocated_eur;committed_eur;spent_eur",
        };
        foreach (var (file, header) in expected)
        {
            var bytes = File.ReadAllBytes(Path.Combine(export.Summary.ExportDirectory, file));
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{file} has a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.Equal(header, text[..text.IndexOf('\n')]);
        }
    }

    [Fact]
    public void TruthFileSitsNextToTheExportNotInsideIt()
    {
        Assert.Equal(export.Summary.ExportDirectory + ".truth.json", export.Summary.TruthPath);
        Assert.True(File.Exists(export.Summary.TruthPath));
        Assert.DoesNotContain(Directory.GetFiles(export.Summary.ExportDirectory), f => f.EndsWith(".json") && !f.EndsWith("manifest.json"));
    }
}
