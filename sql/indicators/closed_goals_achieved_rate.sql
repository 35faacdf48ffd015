-- closed_goals_achieved_rate: cases closed in m with closure_reason goals_achieved or employment
-- / cases closed in m.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

closures as (
    select ats_code,
           strftime(closed_date, '%Y-%m')                                           as month,
           count(*) filter (where closure_reason in ('goals_achieved', 'employment')) as achieved,
           count(*)                                                                 as closed
    from fct_cases
    where closed_date is not null
    group by all
),

per_ats as (
    select g.ats_code, g.month,
           coalesce(c.achieved, 0) as numerator,
           coalesce(c.closed, 0)   as denominator
    from grid as g
    left join closures as c using (ats_code, month)
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
