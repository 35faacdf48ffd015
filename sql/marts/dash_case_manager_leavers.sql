-- Case managers of an ATS who are not active in a month but still hold open cases there on the reference date,
-- for every month of the range: the coordinators' "left the team" list. One row per (ATS, month, case manager).
with

case_managers as (
    -- A case manager may have several dim_operator rows in an ATS: the latest end of activity counts.
    select ats_code, operator_key, max(active_to) as active_to
    from dim_operator
    where role = 'case_manager'
    group by ats_code, operator_key
),

holding as (
    select c.ats_code, c.operator_key, c.active_to, w.open_cases
    from case_managers as c
    join dash_case_manager_workload as w
      on w.ats_code = c.ats_code
     and w.case_manager_key = c.operator_key
),

final as (
    select h.ats_code, m.month, h.operator_key, h.active_to, h.open_cases
    from holding as h
    cross join dim_month as m
    where not exists (
        select 1 from fct_staffing_monthly as s
        where s.ats_code = h.ats_code and s.month = m.month and s.operator_key = h.operator_key
    )
)

select * from final order by ats_code, month, operator_key
