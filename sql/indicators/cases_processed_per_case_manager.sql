-- cases_processed_per_case_manager: cases_processed / case_managers_active, in m.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

processed as (
    select ats_code, month, cases_processed as cases from fct_cases_processed_monthly
),

active as (
    select ats_code, month, count(*) as case_managers from fct_staffing_monthly group by all
),

per_ats as (
    select g.ats_code, g.month,
           coalesce(p.cases, 0)         as numerator,
           coalesce(a.case_managers, 0) as denominator
    from grid as g
    left join processed as p using (ats_code, month)
    left join active    as a using (ats_code, month)
),

rolled_up as (
    select r.level, r.territory_code, p.month,
           sum(p.numerator)::double   as numerator,
           sum(p.denominator)::double as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
)

select * from rolled_up
