-- Each case manager active in a month (fct_staffing_monthly), with their open cases on the reference date, how
-- long those have waited since their last step, and their full-time equivalent: the coordinators' workload table
-- and "who can take the next case". One row per (ATS, month, case manager). Leavers still holding open cases are
-- not here (dash_case_manager_leavers). A page reads the ~20 rows of its ATS and month.
with

active as (
    select ats_code, month, operator_key as case_manager_key, sum(fte) as fte
    from fct_staffing_monthly
    group by ats_code, month, operator_key
),

workload as (
    select ats_code, case_manager_key, open_cases, max_days, median_days
    from dash_case_manager_workload
),

final as (
    select
        a.ats_code,
        a.month,
        a.case_manager_key,
        coalesce(w.open_cases, 0)                       as open_cases,
        w.max_days,
        w.median_days,
        a.fte,
        -- Open cases per full-time equivalent (weekly hours / 36); null for someone with no hours.
        coalesce(w.open_cases, 0) / nullif(a.fte, 0)   as open_per_fte
    from active as a
    left join workload as w
      on w.ats_code = a.ats_code
     and w.case_manager_key = a.case_manager_key
)

-- Sorted so a lookup of one ATS and month reads few row groups.
select * from final order by ats_code, month, case_manager_key
