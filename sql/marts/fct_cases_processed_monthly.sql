-- Cases processed per ATS and month: distinct cases with at least one preassessment_completed,
-- assessment_completed, plan_signed or monitoring_meeting event dated in the month.
with

processing_events as (
    select case_key, strftime(event_date, '%Y-%m') as month
    from stg_case_events
    where event_type in ('preassessment_completed', 'assessment_completed', 'plan_signed', 'monitoring_meeting')
),

cases as (
    select case_key, ats_code from stg_cases
),

final as (
    select
        c.ats_code,
        e.month,
        count(distinct e.case_key) as cases_processed
    from processing_events as e
    join cases as c using (case_key)
    group by all
)

select * from final
