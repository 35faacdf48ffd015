-- cases_processed: distinct cases with at least one preassessment_completed, assessment_completed,
-- plan_signed or monitoring_meeting event dated in m. ATS = the case's ATS. At case-manager level
-- the case counts for the operator who recorded the event (the case's case manager when the
-- event has no operator); a case handled by two operators in a month counts for both, so
-- case-manager rows do not add up to the ATS row.
with

processing_events as (
    select e.case_key, strftime(e.event_date, '%Y-%m') as month,
           coalesce(e.operator_key, c.case_manager_key) as case_manager_key
    from stg_case_events as e
    join stg_cases as c using (case_key)
    where e.event_type in ('preassessment_completed', 'assessment_completed', 'plan_signed', 'monitoring_meeting')
),

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

processed as (
    select ats_code, month, cases_processed as cases from fct_cases_processed_monthly
),

per_ats as (
    select g.ats_code, g.month, coalesce(p.cases, 0) as numerator
    from grid as g
    left join processed as p using (ats_code, month)
),

rolled_up as (
    select r.level, r.territory_code, p.month,
           sum(p.numerator)::double as numerator,
           null::double             as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
),

processed_by_cm as (
    select case_manager_key, month, count(distinct case_key) as cases
    from processing_events
    where case_manager_key is not null
    group by all
),

cm_grid as (
    select operator_key as case_manager_key, s.month
    from fct_staffing_monthly as s
    union
    select p.case_manager_key, p.month
    from processed_by_cm as p
    join dim_month as m using (month)
),

per_case_manager as (
    select 'case_manager' as level, cast(g.case_manager_key as varchar) as territory_code, g.month,
           coalesce(p.cases, 0)::double as numerator,
           null::double                 as denominator
    from cm_grid as g
    left join processed_by_cm as p using (case_manager_key, month)
)

select * from rolled_up
union all
select * from per_case_manager
