-- Each case manager's open cases on the reference date and how long they have waited since their last
-- step, for the coordinators' workload table: one row per (ATS, case manager), unassigned cases under a
-- null case_manager_key. Precomputed so a page reads ~20 rows of its ATS instead of grouping every open
-- case of the country (~175k at national scale) on each view.
with

open_cases as (
    select ats_code, case_manager_key, days_since_last_event from cm_open_case_age
),

per_case_manager as (
    select
        ats_code,
        case_manager_key,
        count(*)                      as open_cases,
        max(days_since_last_event)    as max_days,
        median(days_since_last_event) as median_days
    from open_cases
    group by ats_code, case_manager_key
)

-- Sorted by ATS so a lookup of one ATS reads few row groups.
select * from per_case_manager order by ats_code, case_manager_key
