namespace Monitoring.Tools.Generate;

/// <summary>The export files written while households are streamed (headers in contract order).</summary>
internal sealed class ExportWriters(string dir) : IDisposable
{
    public CsvFileWriter Households { get; } = new(Path.Combine(dir, "households.csv"),
        "household_id", "applicant_fiscal_code", "municipality_code", "address", "members", "minors", "members_over_60",
        "members_disabled", "isee_eur", "measure", "application_date", "benefit_start_date", "benefit_end_date", "pathway", "status");

    public CsvFileWriter Persons { get; } = new(Path.Combine(dir, "persons.csv"),
        "person_id", "household_id", "fiscal_code", "first_name", "last_name", "birth_date", "sex", "citizenship",
        "relationship", "labour_activable");

    public CsvFileWriter Cases { get; } = new(Path.Combine(dir, "cases.csv"),
        "case_id", "household_id", "ats_code", "case_manager_id", "opened_date", "closed_date", "closure_reason", "notes");

    public CsvFileWriter Events { get; } = new(Path.Combine(dir, "case_events.csv"),
        "event_id", "case_id", "event_type", "event_date", "operator_id", "outcome", "notes");

    public CsvFileWriter Referrals { get; } = new(Path.Combine(dir, "referrals.csv"),
        "referral_id", "case_id", "service_type", "sent_date", "outcome", "outcome_date");

    public CsvFileWriter Payments { get; } = new(Path.Combine(dir, "payments.csv"),
        "household_id", "period", "amount_eur", "paid_date");

    public void Dispose()
    {
        Households.Dispose(); Persons.Dispose(); Cases.Dispose(); Events.Dispose(); Referrals.Dispose(); Payments.Dispose();
    }
}
