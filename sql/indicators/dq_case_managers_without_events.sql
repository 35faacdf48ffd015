-- dq_case_managers_without_events (data quality): case managers active in m with no event recorded under their
-- operator key in m / case managers active in m.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

recorded as (
    select distinct operator_key, month from fct_case_events where operator_key is not null
),

counted as (
    select s.ats_code, s.month,
           count(*) filter (where r.operator_key is null) as silent,
           count(*) as case_managers
    from fct_staffing_monthly as s
    left join recorded as r using (operator_key, month)
    group by all
),

per_ats as (
    select g.ats_code, g.month, coalesce(c.silent, 0) as numerator, coalesce(c.case_managers, 0) as denominator
    from grid as g left join counted as c using (ats_code, month)
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
