-- case_managers_active: operators with role case_manager active in m (a count, no denominator).
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

active as (
    select ats_code, month, count(*) as case_managers from fct_staffing_monthly group by all
),

per_ats as (
    select g.ats_code, g.month, coalesce(a.case_managers, 0) as numerator
    from grid as g
    left join active as a using (ats_code, month)
),

rolled_up as (
    select r.level, r.territory_code, p.month,
           sum(p.numerator)::double as numerator,
           null::double             as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
)

select * from rolled_up
