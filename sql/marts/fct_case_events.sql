-- Case events with the ATS of their case.
with

events as (
    select event_id, case_key, event_type, event_date, operator_key, outcome from stg_case_events
),

cases as (
    select case_key, ats_code from stg_cases
),

final as (
    select
        e.event_id,
        e.case_key,
        c.ats_code,
        e.event_type,
        e.event_date,
        strftime(e.event_date, '%Y-%m') as month,
        e.operator_key,
        e.outcome
    from events as e
    join cases as c using (case_key)
)

select * from final
