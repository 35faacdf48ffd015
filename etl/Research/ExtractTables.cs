using Monitoring.Etl.OpenData;

namespace Monitoring.Etl.Research;

/// <summary>The four tables of a research extract: their columns (with descriptions, also written into each Parquet file) and the query that fills them.</summary>
public static class ExtractTables
{
    public sealed record Table(string Name, string Grain, IReadOnlyList<FieldSpec> Fields, string Query);

    static FieldSpec F(string name, string duckType, string description) => new(name, duckType, duckType, description, description);

    public static readonly Table Households = new("households", "one household (application for a measure)",
        [
            F("household_pid", "VARCHAR", "Project pseudonym of the household (32 hex); links to persons and cases of this extract only."),
            F("geo_level", "VARCHAR", "What geo_code is: 'municipality' (ISTAT code, large municipalities only) or 'ats'."),
            F("geo_code", "VARCHAR", "Where the household lives, generalized: ISTAT municipality code or ATS code (quasi-identifier)."),
            F("region_code", "VARCHAR", "ISTAT code of the region."),
            F("household_size", "VARCHAR", "Number of members, top-coded (e.g. '6+') (quasi-identifier)."),
            F("has_minors", "BOOLEAN", "At least one member under 18 (quasi-identifier)."),
            F("isee_band", "VARCHAR", "ISEE (means test) band in euro: <3000, 3000-5999, 6000-9360, >9360."),
            F("measure", "VARCHAR", "Measure applied for: REI, RDC, ADI, SFL."),
            F("application_month", "VARCHAR", "Month of the application (YYYY-MM)."),
            F("benefit_start_month", "VARCHAR", "Month the benefit started (YYYY-MM)."),
            F("benefit_end_month", "VARCHAR", "Month the benefit ends or ended (YYYY-MM)."),
            F("pathway", "VARCHAR", "Pathway: social_services, employment_services, exempt."),
            F("status", "VARCHAR", "Application status: applied, rejected, active, suspended, revoked, ended."),
        ],
        """
        select m.pid as household_pid,
               case when q.geo_code = b.municipality_code then 'municipality' else 'ats' end as geo_level,
               q.geo_code, b.region_code, q.household_size, q.has_minors,
               case when b.isee_eur is null then null when b.isee_eur < 3000 then '<3000' when b.isee_eur < 6000 then '3000-5999'
                    when b.isee_eur <= 9360 then '6000-9360' else '>9360' end as isee_band,
               b.measure,
               strftime(b.application_date, '%Y-%m') as application_month,
               strftime(b.benefit_start_date, '%Y-%m') as benefit_start_month,
               strftime(b.benefit_end_date, '%Y-%m') as benefit_end_month,
               b.pathway, b.status
        from hh_qi as q
        join hh_base as b using (household_key)
        join map_household as m on m.key = q.household_key
        order by household_pid
        """);

    public static readonly Table Persons = new("persons", "one member of a household",
        [
            F("person_pid", "VARCHAR", "Project pseudonym of the person (32 hex)."),
            F("household_pid", "VARCHAR", "Project pseudonym of the person's household (the household row may be suppressed)."),
            F("age_band", "VARCHAR", "Age at the reference date in bands (e.g. '30-39', '80+') (quasi-identifier)."),
            F("sex", "VARCHAR", "F or M (quasi-identifier)."),
            F("citizenship", "VARCHAR", "IT, EU, NON_EU, or IT / not_IT when generalized (quasi-identifier)."),
            F("relationship", "VARCHAR", "Relationship to the applicant: applicant, partner, child, other."),
            F("labour_activable", "BOOLEAN", "Whether the person can be activated for work."),
        ],
        """
        select mp.pid as person_pid, mh.pid as household_pid, q.age_band, q.sex, q.citizenship, b.relationship, b.labour_activable
        from person_qi as q
        join person_base as b using (person_key)
        join map_person as mp on mp.key = q.person_key
        left join map_household as mh on mh.key = q.household_key
        order by person_pid
        """);

    public static readonly Table Cases = new("cases", "one case (a household taken in charge by an ATS)",
        [
            F("case_pid", "VARCHAR", "Project pseudonym of the case (32 hex)."),
            F("household_pid", "VARCHAR", "Project pseudonym of the household."),
            F("ats_code", "VARCHAR", "ATS holding the case."),
            F("case_manager_pid", "VARCHAR", "Project pseudonym of the case manager (null until assigned)."),
            F("opened_date", "DATE", "Day the case was opened."),
            F("closed_date", "DATE", "Day the case was closed (null while open)."),
            F("closure_reason", "VARCHAR", "goals_achieved, employment, benefit_ended, moved, no_contact, other."),
            F("preassessment_outcome", "VARCHAR", "Outcome of the first pre-assessment: simple, complex, employment."),
            F("days_to_convocation", "BIGINT", "Days from opening to the first convocation."),
            F("days_to_first_meeting", "BIGINT", "Days from opening to the first held meeting."),
            F("days_to_plan", "BIGINT", "Days from opening to the signed plan."),
            F("last_event_type", "VARCHAR", "Type of the case's latest event."),
        ],
        """
        select mc.pid as case_pid, mh.pid as household_pid, c.ats_code, mo.pid as case_manager_pid,
               c.opened_date, c.closed_date, c.closure_reason, c.preassessment_outcome,
               c.days_to_convocation, c.days_to_first_meeting, c.days_to_plan, c.last_event_type
        from wh.fct_cases as c
        join map_case as mc on mc.key = c.case_key
        left join map_household as mh on mh.key = c.household_key
        left join map_operator as mo on mo.key = c.case_manager_key
        order by case_pid
        """);

    public static readonly Table Events = new("events", "one step of a case's workflow",
        [
            F("event_pid", "VARCHAR", "Project pseudonym of the event (32 hex)."),
            F("case_pid", "VARCHAR", "Project pseudonym of the case."),
            F("event_type", "VARCHAR", "assigned, convocation, first_meeting, preassessment_completed, assessment_completed, plan_signed, monitoring_meeting, closed."),
            F("event_date", "DATE", "Day of the event."),
            F("operator_pid", "VARCHAR", "Project pseudonym of the operator who recorded it."),
            F("outcome", "VARCHAR", "Outcome where the event type has one (first_meeting: held/no_show; preassessment: simple/complex/employment)."),
        ],
        """
        select me.pid as event_pid, mc.pid as case_pid, e.event_type, e.event_date, mo.pid as operator_pid, e.outcome
        from wh.fct_case_events as e
        join map_event as me on me.key = e.event_id
        join map_case as mc on mc.key = e.case_key
        left join map_operator as mo on mo.key = e.operator_key
        order by event_pid
        """);

    public static readonly IReadOnlyList<Table> All = [Households, Persons, Cases, Events];
}
