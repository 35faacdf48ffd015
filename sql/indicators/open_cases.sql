-- open_cases: cases open on end(m), by the case's ATS and, at case-manager level, by the case's
-- current case manager. Case-manager rows exist for every month the operator is active and for
-- any month in which cases are still assigned to them.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

per_ats as (
    select g.ats_code, g.month, coalesce(sum(o.open_cases), 0) as numerator
    from grid as g
    left join fct_open_cases_monthly as o using (ats_code, month)
    group by all
),

rolled_up as (
    select r.level, r.territory_code, p.month,
           sum(p.numerator)::double as numerator,
           null::double             as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
),

cm_grid as (
    select operator_key as case_manager_key, month from fct_staffing_monthly
    union
    select case_manager_key, month from fct_open_cases_monthly where case_manager_key is not null
),

per_case_manager as (
    select 'case_manager' as level, cast(g.case_manager_key as varchar) as territory_code, g.month,
           coalesce(sum(o.open_cases), 0)::double as numerator,
           null::double                           as denominator
    from cm_grid as g
    left join fct_open_cases_monthly as o using (case_manager_key, month)
    group by all
)

select * from rolled_up
union all
select * from per_case_manager
