-- Open cases on the reference date with no case manager, and how many days they have waited since opening:
-- the coordinators' queue. One row per case.
with

reference as (
    select reference_date from run_meta
),

unassigned as (
    select o.ats_code, o.case_key, o.last_event_type
    from cm_open_case_age as o
    where o.case_manager_key is null
),

final as (
    select
        u.ats_code,
        u.case_key,
        c.opened_date,
        u.last_event_type,
        datediff('day', c.opened_date, r.reference_date) as days_open
    from unassigned as u
    join fct_cases as c using (case_key)
    cross join reference as r
)

select * from final order by ats_code, opened_date, case_key
