using Monitoring.Etl.Contract;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>Every row of a generated export passes the contract's validation rules (zero quarantine expected).</summary>
public class ExportValidityTests(TinyExportFixture export) : IClassFixture<TinyExportFixture>
{
    private const string Ref = "DATE '2026-10-31'";

    [Fact]
    public void EveryFiscalCodeIsValidAndPersonsCodesAreUnique()
    {
        var codes = export.Column("select fiscal_code from persons")
            .Concat(export.Column("select applicant_fiscal_code from households"))
            .Concat(export.Column("select fiscal_code from operators")).ToList();
        var rows = export.Summary.Rows;
        Assert.Equal(rows["persons.csv"] + rows["households.csv"] + rows["operators.csv"], codes.Count);
        Assert.All(codes, c => Assert.True(FiscalCode.IsValid(c), "invalid fiscal code in the tiny export"));
        Assert.Equal(0, export.Count("select count(*) - count(distinct fiscal_code) from persons"));
        // A few omocodic codes (a letter among LMNPQRSTUV in a digit position) are there on purpose.
        Assert.True(export.Count("select count(*) from persons where regexp_matches(substr(fiscal_code, 7, 2) || substr(fiscal_code, 10, 2) || substr(fiscal_code, 13, 3), '[LMNPQRSTUV]')") > 0);
    }

    [Fact]
    public void ApplicantCodeIsTheApplicantPersonsCode()
    {
        Assert.Equal(0, export.Count("""
            select count(*) from households h
            where not exists (select 1 from persons p where p.household_id = h.household_id
                              and p.relationship = 'applicant' and p.fiscal_code = h.applicant_fiscal_code)
            """));
    }

    [Theory]
    [InlineData("ambiti", "ats_code")]
    [InlineData("ambito_comuni", "ats_code, municipality_code, valid_from")]
    [InlineData("operators", "operator_id")]
    [InlineData("households", "household_id")]
    [InlineData("persons", "person_id")]
    [InlineData("cases", "case_id")]
    [InlineData("case_events", "event_id")]
    [InlineData("referrals", "referral_id")]
    [InlineData("payments", "household_id, period")]
    [InlineData("budget", "ats_code, year, fund")]
    public void KeysAreUniqueAndPresent(string table, string key)
    {
        Assert.Equal(0, export.Count($"select count(*) from (select {key} from {table} group by all having count(*) > 1)"));
        var parts = key.Split(", ");
        Assert.Equal(0, export.Count($"select count(*) from {table} where {string.Join(" or ", parts.Select(p => p + " is null"))}"));
    }

    [Theory]
    [InlineData("ambito_comuni", "ats_code", "ambiti", "ats_code")]
    [InlineData("ambito_comuni", "municipality_code", "istat", "municipality_code")]
    [InlineData("operators", "ats_code", "ambiti", "ats_code")]
    [InlineData("households", "municipality_code", "istat", "municipality_code")]
    [InlineData("persons", "household_id", "households", "household_id")]
    [InlineData("cases", "household_id", "households", "household_id")]
    [InlineData("cases", "ats_code", "ambiti", "ats_code")]
    [InlineData("cases", "case_manager_id", "operators", "operator_id")]
    [InlineData("case_events", "case_id", "cases", "case_id")]
    [InlineData("case_events", "operator_id", "operators", "operator_id")]
    [InlineData("referrals", "case_id", "cases", "case_id")]
    [InlineData("payments", "household_id", "households", "household_id")]
    [InlineData("budget", "ats_code", "ambiti", "ats_code")]
    public void EveryCodeResolves(string table, string column, string target, string targetColumn)
    {
        Assert.Equal(0, export.Count($"""
            select count(*) from {table} t
            where t.{column} is not null and not exists (select 1 from {target} x where x.{targetColumn} = t.{column})
            """));
    }

    [Fact]
    public void RequiredFieldsAreSetAndValuesAreInTheirLists()
    {
        string[] checks =
        [
            "select count(*) from ambiti where ats_name is null or not regexp_full_match(region_code, '[0-9]{2}') or not regexp_full_match(ats_code, 'ATS-[0-9]{2}-[0-9]{3}')",
            "select count(*) from operators where role not in ('case_manager','coordinator','admin') or active_from is null",
            "select count(*) from households where measure not in ('REI','RDC','ADI','SFL') or status not in ('applied','rejected','active','suspended','revoked','ended') or (pathway is not null and pathway not in ('social_services','employment_services','exempt')) or application_date is null or not regexp_full_match(municipality_code, '[0-9]{6}')",
            "select count(*) from persons where sex not in ('F','M') or (citizenship is not null and citizenship not in ('IT','EU','NON_EU')) or (relationship is not null and relationship not in ('applicant','partner','child','other')) or (labour_activable is not null and labour_activable not in ('true','false'))",
            "select count(*) from cases where closure_reason is not null and closure_reason not in ('goals_achieved','employment','benefit_ended','moved','no_contact','other')",
            "select count(*) from case_events where event_type not in ('assigned','convocation','first_meeting','preassessment_completed','assessment_completed','plan_signed','monitoring_meeting','closed')",
            "select count(*) from case_events where (event_type = 'first_meeting') <> (outcome in ('held','no_show')) and not (event_type = 'preassessment_completed' and outcome in ('simple','complex','employment'))",
            "select count(*) from referrals where service_type is null or (outcome is not null and outcome not in ('pending','served','refused','no_capacity'))",
            "select count(*) from payments where not regexp_full_match(period, '[0-9]{4}-(0[1-9]|1[0-2])') or not regexp_full_match(amount_eur, '[0-9]+\\.[0-9]{2}') or amount_eur::decimal(12,2) < 0",
            "select count(*) from budget where not regexp_full_match(year, '[0-9]{4}') or allocated_eur::decimal(14,2) < 0 or committed_eur::decimal(14,2) < 0 or spent_eur::decimal(14,2) < 0",
            "select count(*) from households where try_cast(isee_eur as decimal(12,2)) is null and isee_eur is not null",
        ];
        foreach (var sql in checks) Assert.True(export.Count(sql) == 0, sql);
    }

    [Fact]
    public void CountsAgreeWithMembers()
    {
        Assert.Equal(0, export.Count("select count(*) from households where members::int < 1 or minors::int > members::int or members_over_60::int > members::int or members_disabled::int > members::int"));
        Assert.Equal(0, export.Count("select count(*) from households h where members::int <> (select count(*) from persons p where p.household_id = h.household_id)"));
        // minors and over-60 counts follow the members' ages on the application date
        Assert.Equal(0, export.Count("""
            select count(*) from households h
            where minors::int <> (select count(*) from persons p where p.household_id = h.household_id
                                  and date_sub('year', p.birth_date::date, h.application_date::date) < 18)
            """));
    }

    [Fact]
    public void DatesAreRealNotAfterTheReferenceDateAndEndsFollowStarts()
    {
        string[] dated =
        [
            "ambito_comuni.valid_from", "operators.active_from", "households.application_date", "households.benefit_start_date",
            "persons.birth_date", "cases.opened_date", "cases.closed_date", "case_events.event_date", "referrals.sent_date",
            "referrals.outcome_date", "payments.paid_date",
        ];
        foreach (var d in dated)
        {
            var (table, column) = (d.Split('.')[0], d.Split('.')[1]);
            Assert.True(export.Count($"select count(*) from {table} where {column} is not null and (try_strptime({column}, '%Y-%m-%d') is null or {column}::date > {Ref})") == 0, d);
        }
        string[] ordered =
        [
            "select count(*) from ambito_comuni where valid_to::date < valid_from::date",
            "select count(*) from operators where active_to::date < active_from::date",
            "select count(*) from households where benefit_end_date::date < benefit_start_date::date or benefit_start_date::date < application_date::date",
            "select count(*) from cases where closed_date::date < opened_date::date",
            "select count(*) from referrals where outcome_date::date < sent_date::date",
            "select count(*) from case_events e join cases c using (case_id) where e.event_date::date < c.opened_date::date or e.event_date::date > coalesce(c.closed_date::date, " + Ref + ")",
            "select count(*) from payments where strftime(paid_date::date, '%Y-%m') <> period",
        ];
        foreach (var sql in ordered) Assert.True(export.Count(sql) == 0, sql);
    }

    [Fact]
    public void ClosureReasonIsSetExactlyWhenTheCaseIsClosed()
    {
        Assert.Equal(0, export.Count("select count(*) from cases where (closed_date is null) <> (closure_reason is null)"));
        Assert.True(export.Count("select count(*) from cases where closed_date is not null") > 0);
        Assert.Equal(0, export.Count("select count(*) from cases c where closed_date is not null and not exists (select 1 from case_events e where e.case_id = c.case_id and e.event_type = 'closed' and e.event_date = c.closed_date)"));
    }

    [Fact]
    public void RejectedAndPendingHouseholdsHaveNoPaymentsAndNoCases()
    {
        Assert.True(export.Count("select count(*) from households where status = 'rejected'") > 0);
        Assert.Equal(0, export.Count("select count(*) from payments p join households h using (household_id) where h.status in ('rejected','applied')"));
        Assert.Equal(0, export.Count("select count(*) from cases c join households h using (household_id) where h.status in ('rejected','applied') or h.pathway <> 'social_services'"));
        Assert.Equal(0, export.Count("select count(*) from (select household_id from cases group by 1 having count(*) > 1)"));
    }

    [Fact]
    public void CaseIsAtTheAtsOfTheHouseholdsMunicipalityOnOpening()
    {
        Assert.Equal(0, export.Count("""
            select count(*) from cases c join households h using (household_id)
            where not exists (select 1 from ambito_comuni m where m.municipality_code = h.municipality_code
                              and m.ats_code = c.ats_code and m.valid_from::date <= c.opened_date::date
                              and (m.valid_to is null or m.valid_to::date >= c.opened_date::date))
            """));
    }

    [Fact]
    public void EventOperatorIsACaseManagerOfTheCasesAtsActiveThatDay()
    {
        Assert.Equal(0, export.Count("""
            select count(*) from case_events e join cases c using (case_id) join operators o on o.operator_id = e.operator_id
            where o.role <> 'case_manager' or o.ats_code <> c.ats_code
               or e.event_date::date < o.active_from::date or e.event_date::date > coalesce(o.active_to::date, DATE '9999-12-31')
            """));
        // the case manager on the case is the one of its last assignment
        Assert.Equal(0, export.Count("""
            select count(*) from cases c
            where c.case_manager_id is distinct from (select e.operator_id from case_events e where e.case_id = c.case_id
                                                      and e.event_type = 'assigned' order by e.event_id desc limit 1)
            """));
    }
}
