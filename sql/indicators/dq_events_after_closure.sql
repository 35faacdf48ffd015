-- dq_events_after_closure (data quality): events dated in m after their case's closure date / events dated in m,
-- by the event's ATS.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

counted as (
    select v.ats_code, v.month,
           count(*) filter (where c.closed_date is not null and v.event_date > c.closed_date) as after_closure,
           count(*) as events
    from fct_case_events as v
    join fct_cases as c using (case_key)
    group by all
),

per_ats as (
    select g.ats_code, g.month, coalesce(c.after_closure, 0) as numerator, coalesce(c.events, 0) as denominator
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
