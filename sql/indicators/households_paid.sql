-- households_paid: distinct households with a payment whose period is m, by the household's ATS
-- in m (its municipality's dated membership on end(m)).
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

paid as (
    select ats_code, month, households_paid as households from fct_payments_ats_monthly
),

per_ats as (
    select g.ats_code, g.month, coalesce(p.households, 0) as numerator
    from grid as g
    left join paid as p using (ats_code, month)
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
