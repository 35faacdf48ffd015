-- residents_per_case_manager: 2011 population of the ATS's member municipalities on end(m)
-- / case managers active in m.
with

active as (
    select ats_code, month, count(*) as case_managers from fct_staffing_monthly group by all
),

per_ats as (
    select p.ats_code, p.month,
           p.population_2011            as numerator,
           coalesce(a.case_managers, 0) as denominator
    from fct_ats_population_monthly as p
    left join active as a using (ats_code, month)
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
