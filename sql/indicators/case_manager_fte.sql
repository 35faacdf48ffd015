-- case_manager_fte: sum of weekly_hours/36 over case managers active in m (null hours count 1.0).
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

fte as (
    select ats_code, month, sum(fte) as fte from fct_staffing_monthly group by all
),

per_ats as (
    select g.ats_code, g.month, coalesce(f.fte, 0) as numerator
    from grid as g
    left join fte as f using (ats_code, month)
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
