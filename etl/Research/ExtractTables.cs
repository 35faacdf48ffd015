using Monitoring.Etl.OpenData;

namespace Monitoring.Etl.Research;

/// <summary>
/// The seven files of a research extract: their columns (with descriptions, also written into each Parquet file,
/// the codebook and datapackage.json) and the query that fills them from the anonymizer's working tables. Only
/// the households kept by <see cref="KAnonymizer"/> appear, with everything linked to them; every key is a
/// project pseudonym; no file holds an exact date (periods, or days/months since the case opened / the benefit
/// started).
/// </summary>
public static class ExtractTables
{
    public sealed record Table(string Name, string Grain, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<string> PrimaryKey, string Query);

    // FieldSpec: name, Table Schema type, DuckDB type, description (English in both slots).
    static FieldSpec F(string name, string duckType, string description) => new(name, TableSchemaType(duckType), duckType, description, description);

    static string TableSchemaType(string duckType) => duckType switch
    {
        "BOOLEAN" => "boolean",
        "BIGINT" or "INTEGER" => "integer",
        "DOUBLE" or "DECIMAL(14,2)" => "number",
        _ => "string",
    };

    const string Period = "(YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, as the release note's generalization says) (key variable)";

    public static readonly Table Households = new("households", "one household (application for a measure)",
        [
            F("household_pid", "VARCHAR", "Project pseudonym of the household (32 hex); links to persons, cases and payments of this extract only."),
            F("area_level", "VARCHAR", "What area_code is: 'ats' or 'region'."),
            F("area_code", "VARCHAR", "Where the household lives: ATS code, or ISTAT region code (key variable)."),
            F("household_size", "VARCHAR", "Number of members, top-coded (e.g. '5+') (key variable)."),
            F("has_minors", "BOOLEAN", "At least one member under 18 (key variable)."),
            F("isee_band", "VARCHAR", "ISEE (means test) band in euro (key variable)."),
            F("measure", "VARCHAR", "Measure applied for: REI, RDC, ADI, SFL (key variable)."),
            F("pathway", "VARCHAR", "Pathway: social_services, employment_services, exempt (key variable)."),
            F("status", "VARCHAR", "Application status: applied, rejected, active, suspended, revoked, ended; null when withheld (key variable)."),
            F("application_period", "VARCHAR", "Period of the application " + Period + "."),
            F("benefit_start_period", "VARCHAR", "Period the benefit started " + Period + "."),
            F("benefit_end_period", "VARCHAR", "Period the benefit ends or ended " + Period + "; null when withheld."),
        ],
        ["household_pid"],
        """
        select m.pid as household_pid, h.area_level, h.area_code, h.household_size, h.has_minors, h.isee_band, h.measure, h.pathway, h.status,
               h.application_period, h.benefit_start_period, h.benefit_end_period
        from hh_g as h
        semi join kept_households using (household_key)
        join map_household as m on m.key = h.household_key
        order by household_pid
        """);

    public static readonly Table Persons = new("persons", "one member of a household",
        [
            F("person_pid", "VARCHAR", "Project pseudonym of the person (32 hex)."),
            F("household_pid", "VARCHAR", "Project pseudonym of the person's household."),
            F("age_band", "VARCHAR", "Age at the reference date in bands (key variable: the household's composition)."),
            F("sex", "VARCHAR", "F or M (key variable)."),
            F("citizenship", "VARCHAR", "IT, EU, NON_EU, or IT / not_IT when generalized (key variable)."),
            F("relationship", "VARCHAR", "Relationship to the applicant: applicant, partner, child, other."),
            F("labour_activable", "BOOLEAN", "Whether the person can be activated for work."),
        ],
        ["person_pid"],
        """
        select mp.pid as person_pid, mh.pid as household_pid, p.age_band, p.sex, p.citizenship, b.relationship, b.labour_activable
        from person_g as p
        semi join kept_households using (household_key)
        join person_base as b using (person_key)
        join map_person as mp on mp.key = p.person_key
        join map_household as mh on mh.key = p.household_key
        order by person_pid
        """);

    public static readonly Table Cases = new("cases", "one case (a household taken in charge by an ATS)",
        [
            F("case_pid", "VARCHAR", "Project pseudonym of the case (32 hex)."),
            F("household_pid", "VARCHAR", "Project pseudonym of the household."),
            F("area_code", "VARCHAR", "ATS holding the case, or its region (key variable)."),
            F("case_manager_pid", "VARCHAR", "Project pseudonym of the case manager (null until assigned)."),
            F("opened_period", "VARCHAR", "Period the case was opened " + Period + "."),
            F("days_to_close", "BIGINT", "Days from opening to closing (null while open)."),
            F("closure_reason", "VARCHAR", "goals_achieved, employment, benefit_ended, moved, no_contact, other."),
            F("preassessment_outcome", "VARCHAR", "Outcome of the first pre-assessment: simple, complex, employment."),
            F("days_to_convocation", "BIGINT", "Days from opening to the first convocation."),
            F("days_to_first_meeting", "BIGINT", "Days from opening to the first held meeting."),
            F("days_to_plan", "BIGINT", "Days from opening to the signed plan."),
            F("last_event_type", "VARCHAR", "Type of the case's latest event."),
        ],
        ["case_pid"],
        """
        select mc.pid as case_pid, mh.pid as household_pid, g.area_code, mo.pid as case_manager_pid, g.opened_period,
               date_diff('day', c.opened_date, c.closed_date) as days_to_close, c.closure_reason, c.preassessment_outcome,
               c.days_to_convocation, c.days_to_first_meeting, c.days_to_plan, c.last_event_type
        from case_g as g
        semi join kept_households using (household_key)
        join wh.fct_cases as c using (case_key)
        join map_case as mc on mc.key = g.case_key
        join map_household as mh on mh.key = g.household_key
        left join map_operator as mo on mo.key = c.case_manager_key
        order by case_pid
        """);

    public static readonly Table Events = new("events", "one step of a case's workflow",
        [
            F("event_pid", "VARCHAR", "Project pseudonym of the event (32 hex)."),
            F("case_pid", "VARCHAR", "Project pseudonym of the case."),
            F("event_type", "VARCHAR", "assigned, convocation, first_meeting, preassessment_completed, assessment_completed, plan_signed, monitoring_meeting, closed."),
            F("days_since_opened", "BIGINT", "Days from the case's opening to the event."),
            F("operator_pid", "VARCHAR", "Project pseudonym of the operator who recorded it."),
            F("outcome", "VARCHAR", "Outcome where the event type has one (first_meeting: held/no_show; preassessment: simple/complex/employment)."),
        ],
        ["event_pid"],
        """
        select me.pid as event_pid, mc.pid as case_pid, e.event_type, date_diff('day', g.opened_date, e.event_date) as days_since_opened,
               mo.pid as operator_pid, e.outcome
        from wh.fct_case_events as e
        join case_base as g using (case_key)
        semi join kept_households using (household_key)
        join map_event as me on me.key = e.event_id
        join map_case as mc on mc.key = e.case_key
        left join map_operator as mo on mo.key = e.operator_key
        order by event_pid
        """);

    public static readonly Table Referrals = new("referrals", "one referral of a case to a service",
        [
            F("referral_pid", "VARCHAR", "Project pseudonym of the referral (32 hex)."),
            F("case_pid", "VARCHAR", "Project pseudonym of the case."),
            F("service_type", "VARCHAR", "Service the case was referred to."),
            F("days_since_opened", "BIGINT", "Days from the case's opening to the referral."),
            F("outcome", "VARCHAR", "Outcome of the referral."),
            F("days_to_outcome", "BIGINT", "Days from the referral to its outcome (null while pending)."),
        ],
        ["referral_pid"],
        """
        select mr.pid as referral_pid, mc.pid as case_pid, r.service_type, date_diff('day', g.opened_date, r.sent_date) as days_since_opened,
               r.outcome, date_diff('day', r.sent_date, r.outcome_date) as days_to_outcome
        from wh.stg_referrals as r
        join case_base as g using (case_key)
        semi join kept_households using (household_key)
        join map_referral as mr on mr.key = r.referral_id
        join map_case as mc on mc.key = r.case_key
        order by referral_pid
        """);

    public static readonly Table Payments = new("payments", "one monthly payment to a household",
        [
            F("household_pid", "VARCHAR", "Project pseudonym of the household."),
            F("months_since_benefit_start", "BIGINT", "Months from the benefit's first month (or the application's, when no start is recorded) to the paid month (0 = first)."),
            F("amount_eur", "DOUBLE", "Amount paid for the month, in euro, rounded to 10."),
        ],
        ["household_pid", "months_since_benefit_start"],
        """
        select mh.pid as household_pid,
               date_diff('month', date_trunc('month', coalesce(h.benefit_start_date, h.application_date)), strptime(p.period || '-01', '%Y-%m-%d')) as months_since_benefit_start,
               round(p.amount_eur::double / 10) * 10 as amount_eur
        from wh.stg_payments as p
        semi join kept_households using (household_key)
        join hh_base as h using (household_key)
        join map_household as mh on mh.key = p.household_key
        order by household_pid, months_since_benefit_start
        """);

    public static readonly Table Budget = new("budget", "one ATS's fund for one year (aggregate: no household in it)",
        [
            F("ats_code", "VARCHAR", "ATS."),
            F("year", "INTEGER", "Budget year."),
            F("fund", "VARCHAR", "Fund."),
            F("allocated_eur", "DECIMAL(14,2)", "Allocated, euro."),
            F("committed_eur", "DECIMAL(14,2)", "Committed, euro."),
            F("spent_eur", "DECIMAL(14,2)", "Spent, euro."),
        ],
        ["ats_code", "year", "fund"],
        """
        select ats_code, year, fund, allocated_eur, committed_eur, spent_eur
        from wh.stg_budget
        order by ats_code, year, fund
        """);

    public static readonly IReadOnlyList<Table> All = [Households, Persons, Cases, Events, Referrals, Payments, Budget];
}
