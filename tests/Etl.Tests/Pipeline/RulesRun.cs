using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using static Monitoring.Tests.Etl.Support.FixtureExport;
using Monitoring.DataDir.Runs;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>
/// The valid fixture plus one added record per contract rule (each referring only to valid rows, so
/// it breaks that rule alone), loaded once. Every valid row still loads: the staging counts equal
/// the valid fixture's.
/// </summary>
public sealed class RulesRun : IDisposable
{
    static readonly string P0 = PersonCf[0];

    /// <summary>A household row that passes every rule, with one column changed.</summary>
    static string Household(string id, string column, string value)
    {
        var header = Valid()["households.csv"].Header.Split(';');
        var values = $"{id};{P0};001001;Via Roma 1;2;0;0;0;1000.00;ADI;2025-01-10;2025-02-01;2026-12-31;social_services;active".Split(';');
        values[Array.IndexOf(header, column)] = value;
        return string.Join(';', values);
    }

    public static readonly RuleCase[] Cases =
    [
        new("required field empty", "households.csv", Household("H-000101", "measure", ""), "measure", "required"),
        new("not an integer", "households.csv", Household("H-000102", "members", "two"), "members", "invalid_integer"),
        new("not in its list", "households.csv", Household("H-000103", "measure", "XYZ"), "measure", "not_in_list"),
        new("impossible date 2024-02-30", "households.csv", Household("H-000104", "application_date", "2024-02-30"), "application_date", "invalid_date"),
        new("date not zero-padded", "households.csv", Household("H-000107", "application_date", "2025-1-10"), "application_date", "invalid_date"),
        new("date with a leading blank", "households.csv", Household("H-000108", "benefit_start_date", " 2025-02-01"), "benefit_start_date", "invalid_date"),
        new("unknown municipality", "households.csv", Household("H-000105", "municipality_code", "999999"), "municipality_code", "unknown_municipality"),
        new("minors above members", "households.csv", Household("H-000106", "minors", "3"), "minors", "inconsistent_counts"),
        // Malformed records come first in their file, so the lines of the bad rows after them are checked too.
        new("too few fields", "payments.csv", "H-000004;2026-07;410.00", "paid_date", "malformed_row"),
        new("not a decimal", "payments.csv", "H-000001;2025-12;12,50;2025-12-27", "amount_eur", "invalid_decimal"),
        new("not a month", "payments.csv", "H-000002;2026-13;320.50;2026-10-27", "period", "invalid_month"),
        new("month not zero-padded", "payments.csv", "H-000003;2026-9;320.50;2026-10-27", "period", "invalid_month"),
        new("negative amount", "payments.csv", "H-000002;2026-09;-10.00;2026-09-27", "amount_eur", "negative_amount"),
        new("not a date", "cases.csv", "C-000101;H-000001;ATS-01-001;OP-0001;15/03/2025;;;", "opened_date", "invalid_date"),
        new("unknown ats_code", "cases.csv", "C-000102;H-000002;ATS-99-999;OP-0002;2025-05-01;;;", "ats_code", "unknown_ats"),
        new("household quarantined cascades to its case", "cases.csv", "C-000103;H-000101;ATS-01-001;OP-0001;2025-06-01;;;", "household_id", "unknown_household"),
        new("closure_reason missing when closed", "cases.csv", "C-000104;H-000006;ATS-01-001;OP-0001;2025-06-01;2025-09-30;;", "closure_reason", "required_when_closed"),
        new("not a boolean", "persons.csv", $"P-000101;H-000001;{P0};Nome;Cognome;1990-01-01;F;IT;other;yes", "labour_activable", "invalid_boolean"),
        new("unknown household_id", "persons.csv", $"P-000102;H-999999;{P0};Nome;Cognome;1990-01-01;F;IT;other;true", "household_id", "unknown_household"),
        new("fiscal code with a bad pattern", "persons.csv", "P-000103;H-000002;RSSMRA80A01H50;Nome;Cognome;1990-01-01;F;IT;other;true", "fiscal_code", "invalid_fiscal_code"),
        new("fiscal code with a bad check character", "operators.csv", $"OP-0101;{BadCheck(OperatorCf[0])};Nome;Cognome;;case_manager;ATS-01-001;2024-01-01;;36", "fiscal_code", "invalid_fiscal_code"),
        new("too many fields", "case_events.csv", "E-0000106;C-000002;convocation;2025-04-21;OP-0002;;;extra", "", "malformed_row"),
        new("date after the reference date", "case_events.csv", "E-0000101;C-000001;monitoring_meeting;2026-11-15;OP-0001;;", "event_date", "date_after_reference_date"),
        new("unknown case_id", "case_events.csv", "E-0000102;C-999999;convocation;2025-05-01;OP-0001;;", "case_id", "unknown_case"),
        new("unknown operator_id", "case_events.csv", "E-0000103;C-000002;convocation;2025-05-02;OP-9999;;", "operator_id", "unknown_operator"),
        new("case quarantined cascades to its event", "case_events.csv", "E-0000104;C-000103;assigned;2025-06-01;OP-0003;;", "case_id", "unknown_case"),
        new("outcome not in the event type's list", "case_events.csv", "E-0000105;C-000002;first_meeting;2025-04-20;OP-0002;simple;", "outcome", "not_in_list"),
        new("end before start", "referrals.csv", "R-00101;C-000001;legal;2025-06-01;served;2025-05-01", "outcome_date", "end_before_start"),
        new("duplicate key (first row)", "referrals.csv", "R-00102;C-000002;housing;2025-05-01;pending;", "referral_id", "duplicate_key"),
        new("duplicate key (second row)", "referrals.csv", "R-00102;C-000002;legal;2025-05-02;pending;", "referral_id", "duplicate_key"),
        // Dates outside the programme's time: a year-0 date would stretch every month grid to it.
        new("date in year 0", "households.csv", Household("H-000109", "application_date", "0000-01-01"), "application_date", "date_before_programme"),
        new("date before the programme", "payments.csv", "H-000001;2017-12;500.00;2017-12-27", "period", "date_before_programme"),
        new("birth date before 1900", "persons.csv", $"P-000104;H-000002;{P0};Nome;Cognome;1850-03-01;F;IT;other;true", "birth_date", "date_implausible"),
        new("planned end far after the reference date", "households.csv", Household("H-000110", "benefit_end_date", "2099-12-31"), "benefit_end_date", "date_far_after_reference_date"),
        // Amounts that do not fit the warehouse column (DECIMAL(12,2), DECIMAL(14,2)).
        new("amount above DECIMAL(12,2)", "payments.csv", "H-000001;2026-09;12345678901234.00;2026-09-27", "amount_eur", "amount_out_of_range"),
        new("amount rounding above DECIMAL(12,2)", "households.csv", Household("H-000111", "isee_eur", "9999999999.999"), "isee_eur", "amount_out_of_range"),
        new("amount above DECIMAL(14,2)", "budget.csv", "ATS-01-002;2026;pon_inclusione;1234567890123.00;;", "allocated_eur", "amount_out_of_range"),
        new("byte-identical duplicate", "budget.csv", "ATS-01-001;2025;fondo_poverta_quota_servizi;250000.00;180000.00;120000.50", "ats_code", "duplicate_row"),
    ];

    /// <summary>The same code with the next letter as check character.</summary>
    static string BadCheck(string cf) => cf[..15] + (char)('A' + (cf[15] - 'A' + 1) % 26);

    readonly TempDir _tmp = new();

    public RulesRun()
    {
        try { Load(); }
        catch { _tmp.Dispose(); throw; }
    }

    void Load()
    {
        Fixture = Valid();
        foreach (var c in Cases) Lines[c.Rule] = Fixture.Add(c.File, c.Record);
        Export = Fixture.Write(_tmp["export"]);
        DataDir = _tmp["data"];
        // Half the rows of some files are bad on purpose: this run checks the rules, not the publish guard.
        Report = PipelineRunner.Run(new PipelineOptions { Source = Export, DataDir = DataDir, Demo = true, Guard = new PublishGuard(1, 1, false) });
        if (Report.Status != RunStatus.Succeeded) return;
        var quarantineDir = new DataDirectory(DataDir).Quarantine(Report.RunId);
        using var db = Duck.Memory();
        foreach (var file in Directory.EnumerateFiles(quarantineDir, "*.csv"))
            Quarantine[Path.GetFileName(file)] = db.Rows($"SELECT file, line, \"column\", reason, all_breaches, record_key, value FROM {Duck.ReadCsv(file)}")
                .Select(r => new QuarantineRow(r[0]!, int.Parse(r[1]!), r[2] ?? "", r[3]!, r[4] ?? "", r[5], r[6])).ToList();
    }

    public FixtureExport Fixture { get; private set; } = Valid();
    public string Export { get; private set; } = "";
    public string DataDir { get; private set; } = "";
    public RunReport Report { get; private set; } = new();
    public Dictionary<string, int> Lines { get; } = new();
    public Dictionary<string, List<QuarantineRow>> Quarantine { get; } = new();
    public string Warehouse => new SnapshotStore(DataDir).CurrentWarehouse() ?? throw new InvalidOperationException($"rules run did not publish: {Report.Status} {Report.Error}");

    public void Dispose() => _tmp.Dispose();
}
