-- Accumulating snapshot of each case: the date each milestone was first reached.
with

cases as (
    select case_key, household_key, ats_code, case_manager_key, opened_date, closed_date, closure_reason
    from stg_cases
),

milestones as (
    select
        case_key,
        min(event_date) filter (where event_type = 'assigned')                         as assigned_date,
        min(event_date) filter (where event_type = 'convocation')                      as convocation_date,
        min(event_date) filter (where event_type = 'first_meeting' and outcome = 'held') as first_meeting_held_date,
        min(event_date) filter (where event_type = 'preassessment_completed')          as preassessment_date,
        arg_min(outcome, event_date) filter (where event_type = 'preassessment_completed') as preassessment_outcome,
        min(event_date) filter (where event_type = 'assessment_completed')             as assessment_date,
        min(event_date) filter (where event_type = 'plan_signed')                      as plan_signed_date,
        max(event_date)                                                                as last_event_date,
        -- ties on the last date: the later key wins, so the choice is stable between runs
        arg_max(event_type, event_date::varchar || '|' || event_id)                   as last_event_type
    from stg_case_events
    group by case_key
),

final as (
    select
        c.case_key,
        c.household_key,
        c.ats_code,
        c.case_manager_key,
        c.opened_date,
        c.closed_date,
        c.closure_reason,
        m.assigned_date,
        m.convocation_date,
        m.first_meeting_held_date,
        m.preassessment_date,
        m.preassessment_outcome,
        m.assessment_date,
        m.plan_signed_date,
        m.last_event_date,
        m.last_event_type,
        datediff('day', c.opened_date, m.convocation_date)        as days_to_convocation,
        datediff('day', c.opened_date, m.first_meeting_held_date) as days_to_first_meeting,
        datediff('day', c.opened_date, m.plan_signed_date)        as days_to_plan
    from cases as c
    left join milestones as m using (case_key)
)

select * from final
