-- referrals_served_rate: referrals with outcome served and outcome_date in m / referrals with
-- outcome in (served, refused, no_capacity) and outcome_date in m. ATS = the case's ATS.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

outcomes as (
    select ats_code, outcome_month as month,
           count(*) filter (where outcome = 'served')                             as served,
           count(*) filter (where outcome in ('served', 'refused', 'no_capacity')) as decided
    from fct_referrals
    where outcome_date is not null
    group by all
),

per_ats as (
    select g.ats_code, g.month,
           coalesce(o.served, 0)  as numerator,
           coalesce(o.decided, 0) as denominator
    from grid as g
    left join outcomes as o using (ats_code, month)
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
