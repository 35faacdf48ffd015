using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>One case per rule of the contract: the breaking record is quarantined with its physical line, column and reason.</summary>
[Collection(PipelineRunsCollection.Name)]
public class ContractRuleTests(RulesRun run)
{
    public static TheoryData<string> Rules => new(RulesRun.Cases.Select(c => c.Rule));

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_row_breaking_the_rule_is_quarantined_with_line_column_and_reason(string rule)
    {
        Assert.True(run.Report.Status == RunStatus.Succeeded, run.Report.Error);
        var c = RulesRun.Cases.Single(x => x.Rule == rule);
        var line = run.Lines[rule];

        Assert.True(run.Report.Files[c.File].Reasons.GetValueOrDefault(c.Reason) > 0, $"{c.File}: reason {c.Reason} missing from the report");
        var rows = run.Quarantine[c.File].Where(q => q.Line == line).ToList();
        var row = Assert.Single(rows);
        Assert.Equal((c.File, line, c.Column, c.Reason), (row.File, row.Line, row.Column, row.Reason));
    }

    [Fact]
    public void Each_file_reconciles_and_reports_exactly_the_reasons_of_its_bad_rows()
    {
        var expected = RulesRun.Cases.GroupBy(c => c.File)
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Reason).ToDictionary(r => r.Key, r => (long)r.Count()));
        foreach (var (file, counts) in run.Report.Files)
        {
            var bad = RulesRun.Cases.Count(c => c.File == file);
            var valid = FixtureExport.ValidRows[file];
            Assert.Equal((file, (long)(valid + bad), (long)valid, (long)bad), (file, counts.Read, counts.Loaded, counts.Quarantined));
            Assert.Equal(counts.Read, counts.Loaded + counts.Quarantined);
            Assert.Equal(expected.GetValueOrDefault(file) ?? new Dictionary<string, long>(), counts.Reasons);
            Assert.Equal(bad, run.Quarantine.GetValueOrDefault(file)?.Count ?? 0);
        }
    }

    [Fact]
    public void Every_valid_row_still_loads_beside_the_bad_ones()
    {
        using var wh = Duck.ReadOnly(run.Warehouse);
        foreach (var (file, rows) in FixtureExport.ValidRows)
            Assert.Equal(($"stg_{file[..^4]}", (long)rows), ($"stg_{file[..^4]}", wh.Count($"SELECT count(*) FROM stg_{file[..^4]}")));
        // The byte-identical copy: the first budget line is loaded once.
        Assert.Equal(1, wh.Count("SELECT count(*) FROM stg_budget WHERE ats_code = 'ATS-01-001' AND year = 2025"));
        // The warehouse's own load report says the same as the run report (3 valid lines, a copy and an amount too large).
        Assert.Equal(1, wh.Count("SELECT count(*) FROM load_report WHERE file = 'budget.csv' AND \"read\" = 5 AND loaded = 3 AND quarantined = 2"));
    }

    [Fact]
    public void The_original_of_a_byte_identical_duplicate_is_not_quarantined()
    {
        Assert.DoesNotContain(run.Quarantine["budget.csv"], q => q.Line == 2);
        Assert.Equal(2, run.Quarantine["referrals.csv"].Count(q => q.Reason == "duplicate_key"));
    }

    [Fact]
    public void Planned_end_dates_after_the_reference_date_are_accepted()
    {
        using var wh = Duck.ReadOnly(run.Warehouse);
        Assert.Equal(1, wh.Count("SELECT count(*) FROM stg_households WHERE benefit_end_date = DATE '2027-01-31'"));
        Assert.Equal(1, wh.Count("SELECT count(*) FROM stg_operators WHERE active_to = DATE '2027-12-31'"));
        Assert.Equal(1, wh.Count("SELECT count(*) FROM stg_ambito_comuni WHERE valid_to = DATE '2028-12-31'"));
    }

    [Fact]
    public void An_omocodic_fiscal_code_with_a_correct_check_character_is_accepted()
    {
        var omocodic = FixtureExport.PersonCf[8];
        Assert.Equal('S', omocodic[14]);
        using var wh = Duck.ReadOnly(run.Warehouse);
        Assert.Equal(1, wh.Count($"SELECT count(*) FROM stg_persons WHERE fiscal_code_key = '{ExpectedPseudonym.Of("fiscal_code", omocodic)}' AND person_key = '{ExpectedPseudonym.Of("person", "P-000009")}'"));
    }

    [Fact]
    public void Quarantine_keys_are_pseudonyms_and_personal_values_are_withheld()
    {
        var household = run.Quarantine["households.csv"].Single(q => q.Line == run.Lines["required field empty"]);
        Assert.Equal(ExpectedPseudonym.Of("household", "H-000101"), household.RecordKey);
        var person = run.Quarantine["persons.csv"].Single(q => q.Line == run.Lines["unknown household_id"]);
        Assert.Equal(ExpectedPseudonym.Of("household", "H-999999"), person.Value);
        var op = run.Quarantine["operators.csv"].Single(q => q.Line == run.Lines["fiscal code with a bad check character"]);
        Assert.Equal(ExpectedPseudonym.Of("operator", "OP-0101"), op.RecordKey);
        Assert.Equal("(personal data withheld)", op.Value);
        var payment = run.Quarantine["payments.csv"].Single(q => q.Line == run.Lines["not a decimal"]);
        Assert.Equal("12,50", payment.Value);
    }
}
