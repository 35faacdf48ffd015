using System.Security.Cryptography;
using System.Text.Json;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// Turns a generated export into the export GePI would have produced at an earlier reference date: what had not
/// happened yet is left out (records dated after it), what had not ended yet is open again (closures, outcomes,
/// benefit starts after it), references to operators who had not started yet are blank. A test may then edit rows
/// with SQL on the per-file tables before the files and a fresh manifest (rows, sha256) are written.
/// </summary>
public static class EarlierExport
{
    static readonly string[] Files =
    [
        "ambiti.csv", "ambito_comuni.csv", "operators.csv", "households.csv", "persons.csv", "cases.csv",
        "case_events.csv", "referrals.csv", "payments.csv", "budget.csv",
    ];

    /// <param name="edit">SQL run on tables named after the files (case_events, cases, …) after the cut.</param>
    public static string Write(string source, string target, DateOnly referenceDate, string? edit = null)
    {
        var r = Duck.Lit(referenceDate.ToString("yyyy-MM-dd"));
        var month = Duck.Lit(referenceDate.ToString("yyyy-MM"));
        using var d = Duck.Memory();
        foreach (var f in Files)
            d.Exec($"create table {Path.GetFileNameWithoutExtension(f)} as select * from {Duck.ReadCsv(Path.Combine(source, f))}");
        d.Exec($"""
            delete from ambito_comuni where valid_from > {r};
            delete from operators where active_from > {r};
            delete from households where application_date > {r};
            update households set benefit_start_date = null, status = 'applied' where benefit_start_date > {r};
            delete from persons where household_id not in (select household_id from households) or birth_date > {r};
            delete from cases where opened_date > {r} or household_id not in (select household_id from households);
            update cases set closed_date = null, closure_reason = null where closed_date > {r};
            update cases set case_manager_id = null where case_manager_id not in (select operator_id from operators);
            delete from case_events where event_date > {r} or case_id not in (select case_id from cases);
            update case_events set operator_id = null where operator_id not in (select operator_id from operators);
            delete from referrals where sent_date > {r} or case_id not in (select case_id from cases);
            update referrals set outcome = 'pending', outcome_date = null where outcome_date > {r};
            delete from payments where period > {month} or paid_date > {r} or household_id not in (select household_id from households);
            delete from budget where cast(year as integer) > {referenceDate.Year};
            """);
        if (edit is not null) d.Exec(edit);
        Directory.CreateDirectory(target);
        var manifestFiles = new Dictionary<string, object>();
        foreach (var f in Files)
        {
            var path = Path.Combine(target, f);
            d.Exec($"copy {Path.GetFileNameWithoutExtension(f)} to {Duck.Lit(path)} (header, delimiter ';', quote '\"')");
            manifestFiles[f] = new Dictionary<string, object>
            {
                ["rows"] = d.Count($"select count(*) from {Path.GetFileNameWithoutExtension(f)}"),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            };
        }
        var stamp = referenceDate.AddDays(1).ToString("yyyy-MM-dd");
        File.WriteAllText(Path.Combine(target, "manifest.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["contract_version"] = "1", ["export_id"] = $"gepi-{stamp}T02-00", ["extracted_at"] = $"{stamp}T02:00:00Z",
            ["reference_date"] = referenceDate.ToString("yyyy-MM-dd"), ["kind"] = "full", ["files"] = manifestFiles,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return target;
    }
}
