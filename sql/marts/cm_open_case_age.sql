-- For each case open on the reference date: days since its last event (coordinators' dashboard).
-- A case with no event yet counts from its opening day (last_event_date stays null).
with

reference as (
    select reference_date from run_meta
),

open_cases as (
    select c.*
    from fct_cases as c, reference as r
    where c.opened_date <= r.reference_date
      and (c.closed_date is null or c.closed_date > r.reference_date)
),

final as (
    select
        o.case_manager_key,
        o.ats_code,
        o.case_key,
        o.last_event_date,
        o.last_event_type,
        datediff('day', coalesce(o.last_event_date, o.opened_date), r.reference_date) as days_since_last_event
    from open_cases as o, reference as r
)

select * from final
