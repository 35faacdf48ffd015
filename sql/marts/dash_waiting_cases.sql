-- The open cases waiting longest since their last step, for the casework dashboards: the five longest
-- for each step in each ATS (what a coordinator sees) and in each case manager's own list (what a case
-- manager sees). Ranked once per snapshot so a page reads a few rows of its ATS instead of ranking every
-- open case of the country. Ties on days are broken by case key, the same order on every view.
with

open_cases as (
    select ats_code, case_manager_key, case_key, last_event_type, days_since_last_event
    from cm_open_case_age
),

ranked as (
    select
        *,
        row_number() over (partition by ats_code, last_event_type
                           order by days_since_last_event desc, case_key) as rank_in_ats,
        row_number() over (partition by ats_code, case_manager_key, last_event_type
                           order by days_since_last_event desc, case_key) as rank_in_case_manager
    from open_cases
),

longest as (
    select * from ranked
    where rank_in_ats <= 5 or rank_in_case_manager <= 5
)

-- Sorted by ATS so a lookup of one ATS reads few row groups.
select * from longest order by ats_code, last_event_type, rank_in_ats
